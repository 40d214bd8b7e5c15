import "trellopowerup/lib/restapi";

/**
 * What `t.getRestApi()` returns in Trello's client; @types/trellopowerup leaves out the token methods the
 * Power-Up uses to connect a board (`authorize` opens Trello's consent popup and resolves with the token).
 */
declare module "trellopowerup/lib/restapi" {
  interface Api {
    isAuthorized(): Promise<boolean>;
    authorize(options?: { scope?: string; expiration?: string; return_url?: string }): Promise<string>;
    getToken(): Promise<string | null>;
    clearToken(): Promise<void>;
  }
}
