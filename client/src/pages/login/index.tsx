import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { FormError } from '../../components/FormError';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useAction } from '../../hooks/useApi';
import { usePageTitle } from '../../hooks/usePage';
import { isWeapp, login, useSession, wechatLogin } from '../../hooks/useSession';
import { useI18n, type MessageKey } from '../../i18n';
import { goBack, routes } from '../../routes';
import './index.scss';

/** The seeded demo users (README): shoppers to play giver and recipient, and the merchants. */
const DEMO_USERS: { openId: string; name: MessageKey; role: MessageKey }[] = [
  { openId: 'o_alice', name: 'demo.alice', role: 'demo.aliceRole' },
  { openId: 'o_bob', name: 'demo.bob', role: 'demo.shopper' },
  { openId: 'o_carol', name: 'demo.carol', role: 'demo.shopper' },
  { openId: 'o_dave', name: 'demo.dave', role: 'demo.shopper' },
  { openId: 'o_erin', name: 'demo.erin', role: 'demo.shopper' },
  { openId: 'o_frank', name: 'demo.frank', role: 'demo.shopper' },
  { openId: 'o_wang', name: 'demo.wang', role: 'demo.wangRole' },
  { openId: 'o_li', name: 'demo.li', role: 'demo.liRole' },
  { openId: 'o_zhang', name: 'demo.zhang', role: 'demo.zhangRole' },
];

/**
 * Login. The mini program logs in with WeChat (wx.login's code, traded by the server); the browser
 * demo keeps the dev login: a demo openId, and switching user is logging in as another.
 */
export default function LoginPage() {
  const { t } = useI18n();
  usePageTitle('page.login');
  const session = useSession();
  const weapp = isWeapp();
  const [openId, setOpenId] = useState('');
  const action = useAction(async (id: string | null) => {
    await (id === null ? wechatLogin() : login(id));
    await goBack(routes.me());
  });

  return (
    <View className="page login">
      <View className="login__head">
        <Text className="login__logo">🎁</Text>
        <Text className="login__title">{t('app.name')}</Text>
        <Text className="muted">{t(weapp ? 'login.wechatHint' : 'login.hint')}</Text>
        {session && (
          <Text className="login__current" data-testid="login-current">
            {t('login.current', { name: session.user.nickname })}
          </Text>
        )}
      </View>

      {weapp ? (
        <View className="section">
          <Button
            className="btn btn--primary"
            data-testid="login-wechat"
            disabled={action.pending}
            onClick={() => void action.run(null)}
          >
            {t('login.wechat')}
          </Button>
          <FormError error={action.error} testId="login-error" />
        </View>
      ) : (
        <DevLogin
          sessionOpenId={session?.user.openId}
          openId={openId}
          setOpenId={setOpenId}
          pending={action.pending}
          error={action.error}
          logIn={(id) => void action.run(id)}
        />
      )}

      <View className="section">
        <LanguageSwitch />
      </View>
    </View>
  );
}

/** The demo users and a free openId field (the sandbox login). */
function DevLogin({
  sessionOpenId,
  openId,
  setOpenId,
  pending,
  error,
  logIn,
}: {
  sessionOpenId: string | undefined;
  openId: string;
  setOpenId: (value: string) => void;
  pending: boolean;
  error: Error | null;
  logIn: (openId: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <View className="section">
        <Text className="section__title">{t('login.demoUsers')}</Text>
        {DEMO_USERS.map((user) => (
          <View
            key={user.openId}
            className={`login__user ${sessionOpenId === user.openId ? 'login__user--current' : ''}`}
            data-testid={`login-${user.openId}`}
            role="button"
            onClick={() => logIn(user.openId)}
          >
            <View className="login__avatar">
              <Text>{t(user.name).slice(0, 1)}</Text>
            </View>
            <View className="login__who">
              <Text>{t(user.name)}</Text>
              <Text className="muted">
                {user.openId} · {t(user.role)}
              </Text>
            </View>
            {sessionOpenId === user.openId && <Text className="tag tag--green">{t('login.currentTag')}</Text>}
          </View>
        ))}
        <FormError error={error} testId="login-error" />
      </View>

      <View className="section">
        <Text className="section__title">{t('login.other')}</Text>
        <View className="field">
          <Input
            className="field__input"
            data-testid="login-openid"
            value={openId}
            placeholder="o_someone"
            onInput={(e) => setOpenId(e.detail.value)}
          />
          <Button
            className="btn btn--primary btn--small"
            data-testid="login-submit"
            disabled={!openId.trim() || pending}
            onClick={() => logIn(openId.trim())}
          >
            {t('login.submit')}
          </Button>
        </View>
      </View>
    </>
  );
}
