import { checkWishMessage, MAX_WISH_MESSAGE_LENGTH, WISH_BANNED_WORDS } from './wish-message';

const banned = (word: string) => ({
  ok: false,
  code: 'WISH_BANNED_WORD',
  reason: `wishMessage contains the banned word "${word}"`,
});

describe('WISH_BANNED_WORDS', () => {
  it.each([
    ['赌博'],
    ['博彩'],
    ['毒品'],
    ['色情'],
    ['约炮'],
    ['代开发票'],
    ['刷单'],
    ['传销'],
    ['枪支'],
    ['诈骗'],
    ['casino'],
    ['porn'],
  ])('includes %p', (word) => expect(WISH_BANNED_WORDS).toContain(word));

  it('has no duplicates, no empty words and no separators inside a word', () => {
    expect(new Set(WISH_BANNED_WORDS).size).toBe(WISH_BANNED_WORDS.length);
    for (const word of WISH_BANNED_WORDS) expect(word).toMatch(/^[^\s\-_.·*]+$/u);
  });
});

describe('checkWishMessage: length', () => {
  it('is 50 characters', () => expect(MAX_WISH_MESSAGE_LENGTH).toBe(50));

  it('accepts exactly 50 Chinese characters', () => {
    const text = '祝你生日快乐'.repeat(8) + '万事如意'.slice(0, 2); // 48 + 2
    expect([...text]).toHaveLength(50);
    expect(checkWishMessage(text)).toEqual({ ok: true, message: text });
  });

  it('rejects 51 characters, naming the length and the limit', () => {
    const text = '福'.repeat(51);
    expect(checkWishMessage(text)).toEqual({
      ok: false,
      code: 'WISH_TOO_LONG',
      reason: 'wishMessage is 51 characters; at most 50',
    });
  });

  it('counts an emoji once (50 emoji, 100 UTF-16 units, are fine; 51 are not)', () => {
    const fifty = '🎂'.repeat(50);
    expect(fifty.length).toBe(100);
    expect(checkWishMessage(fifty)).toEqual({ ok: true, message: fifty });
    expect(checkWishMessage('🎁'.repeat(51))).toMatchObject({ ok: false, code: 'WISH_TOO_LONG' });
  });

  it('counts the trimmed text, so surrounding spaces do not push it over', () => {
    const text = '好'.repeat(50);
    expect(checkWishMessage(`   ${text}\n\t\u3000`)).toEqual({ ok: true, message: text });
  });
});

describe('checkWishMessage: trimming and empty messages', () => {
  it.each([
    ['  生日快乐  ', '生日快乐'],
    ['\n新年快乐\t', '新年快乐'],
    ['\u3000中秋快乐\u3000', '中秋快乐'], // ideographic spaces
    ['', ''],
    ['    ', ''],
  ])('returns %p trimmed as %p', (text, message) => {
    expect(checkWishMessage(text)).toEqual({ ok: true, message });
  });

  it('keeps the spaces inside the message', () => {
    expect(checkWishMessage(' Happy birthday, 小明! ')).toEqual({ ok: true, message: 'Happy birthday, 小明!' });
  });
});

describe('checkWishMessage: banned words', () => {
  it.each(WISH_BANNED_WORDS.map((word) => [word]))('finds %p inside a longer message', (word) => {
    expect(checkWishMessage(`祝你快乐，${word}，天天开心`)).toEqual(banned(word));
    expect(checkWishMessage(word)).toEqual(banned(word));
  });

  it.each([
    ['赌博', '赌 博'],
    ['赌博', '赌-博'],
    ['赌博', '赌_博'],
    ['赌博', '赌.博'],
    ['赌博', '赌·博'],
    ['赌博', '赌*博'],
    ['赌博', '来玩赌 - 博吧'],
    ['代开发票', '代 开 发 票'],
    ['代开发票', '代*开*发*票'],
    ['刷单', '刷\u3000单'], // ideographic space
    ['毒品', '毒\n品'],
    ['casino', 'c a s i n o'],
    ['casino', 'c.a.s.i.n.o night'],
    ['porn', 'p-o-r-n'],
    ['casino', 'ｃａｓｉｎｏ'], // full-width letters
    ['赌博', '赌＊博'], // full-width asterisk
  ])('catches %p hidden by separators in %p', (word, text) => {
    expect(checkWishMessage(text)).toEqual(banned(word));
  });

  it.each([
    ['casino', 'CASINO'],
    ['casino', 'Casino Royale'],
    ['porn', 'PoRn'],
    ['gambling', 'G A M B L I N G'],
  ])('matches %p case-insensitively in %p and names it as listed', (word, text) => {
    expect(checkWishMessage(text)).toEqual(banned(word));
  });

  it('names the longest banned word found, even when a shorter one comes first', () => {
    expect(checkWishMessage('刷单还能代开发票')).toEqual(banned('代开发票'));
    expect(checkWishMessage('porn and gambling')).toEqual(banned('gambling'));
    // Pairs where the shorter word comes first in the list too, so list order alone cannot pass.
    expect(checkWishMessage('赌博还能代开发票')).toEqual(banned('代开发票'));
    expect(checkWishMessage('casino gambling')).toEqual(banned('gambling'));
  });

  it('checks the length before the words', () => {
    expect(checkWishMessage('赌博' + '福'.repeat(49))).toMatchObject({ code: 'WISH_TOO_LONG' });
  });
});

describe('checkWishMessage: clean greetings pass', () => {
  it.each([
    ['生日快乐'],
    ['新年快乐，万事如意'],
    ['恭喜发财，红包拿来！'],
    ['中秋节快乐，阖家团圆🥮'],
    ['祝你前程似锦、步步高升'],
    ['早日康复，身体健康'],
    ['新婚快乐，百年好合'],
    ['谢谢你一直以来的照顾 ❤️'],
    ['Happy birthday! Enjoy the tea.'],
    ['博学多才的你，毕业快乐'], // 博 alone is fine
    ['一路顺风，平安喜乐'],
  ])('%p', (text) => {
    expect(checkWishMessage(text)).toEqual({ ok: true, message: text });
  });
});
