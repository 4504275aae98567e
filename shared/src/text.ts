/**
 * Text the server stores: no NUL or other control characters (PostgreSQL refuses NUL in text, and
 * the others only hide or garble what a merchant or a friend reads). Multi-line fields (chat text,
 * descriptions, wish messages, address detail) may hold line breaks and tabs.
 */

/* eslint-disable no-control-regex -- matching control characters is the point */
/** C0 controls, DEL and C1 controls: U+0000–U+001F, U+007F–U+009F. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
/** The same without tab, line feed and carriage return. */
const CONTROL_BUT_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/* eslint-enable no-control-regex */

/** True when the text holds a character it may not: any control, or, when multi-line, any but \t \n \r. */
export function hasForbiddenControl(text: string, multiline = false): boolean {
  return (multiline ? CONTROL_BUT_BREAKS : CONTROL).test(text);
}
