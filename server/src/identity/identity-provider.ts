/** Who the login provider says the person is. */
export interface ProvenIdentity {
  openId: string;
}

/**
 * Turns the proof a client brings (a `wx.login` code) into an identity. WeChat's code2session is
 * the real one; tests run it against a local stand-in server.
 */
export interface IdentityProvider {
  identify(code: string): Promise<ProvenIdentity>;
}

export const IDENTITY_PROVIDER = Symbol('IDENTITY_PROVIDER');
