/**
 * Generated from the server's OpenAPI document by `npm run gen:api` (openapi-typescript): do not
 * edit. A unit test fails when this file is not what the server's routes and response classes
 * produce now.
 */

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/wechat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["IdentityController_wechat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["IdentityController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DevLoginController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SocialController_createGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SocialController_listChats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chats/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SocialController_getChat"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chats/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SocialController_listMessages"];
        put?: never;
        post: operations["SocialController_sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chats/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SocialController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/friends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["FriendsController_ask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/friend-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["FriendsController_incoming"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/friend-requests/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["FriendsController_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_categories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shops": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CatalogController_createShop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shops/{shopId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_getShop"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shops/{shopId}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CatalogController_follow"];
        delete: operations["CatalogController_unfollow"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shops/{shopId}/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_listShopProducts"];
        put?: never;
        post: operations["CatalogController_createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_listProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_readProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["CatalogController_updateProduct"];
        trace?: never;
    };
    "/api/payments/notify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PaymentsController_notify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AddressesController_list"];
        put?: never;
        post: operations["AddressesController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/addresses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["AddressesController_remove"];
        options?: never;
        head?: never;
        patch: operations["AddressesController_update"];
        trace?: never;
    };
    "/api/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrdersController_list"];
        put?: never;
        post: operations["OrdersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrdersController_quote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrdersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrdersController_pay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrdersController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrdersController_ship"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/confirm-receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrdersController_confirmReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GiftsController_list"];
        put?: never;
        post: operations["GiftsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gifts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GiftsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gifts/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["GiftsController_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gifts/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["GiftsController_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gifts/{id}/enter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["GiftsController_enter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gifts/{id}/draw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GiftsController_draw"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shops/{shopId}/gift-claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GiftsController_fulfilments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gift-claims/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["GiftsController_ship"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gift-claims/{id}/confirm-receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["GiftsController_confirmReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shops/{shopId}/group-deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GroupBuysController_deals"];
        put?: never;
        post: operations["GroupBuysController_createDeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/group-deals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["GroupBuysController_endDeal"];
        trace?: never;
    };
    "/api/group-deals/{id}/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GroupBuysController_dealTeams"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/group-buys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GroupBuysController_mine"];
        put?: never;
        post: operations["GroupBuysController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/group-buys/{teamId}/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["GroupBuysController_join"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/group-buys/{teamId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GroupBuysController_team"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shops/{shopId}/gift-card-designs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GiftCardsController_designs"];
        put?: never;
        post: operations["GiftCardsController_createDesign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gift-card-designs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["GiftCardsController_endDesign"];
        trace?: never;
    };
    "/api/gift-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["GiftCardsController_buy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gift-cards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GiftCardsController_view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gift-cards/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["GiftCardsController_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/gift-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GiftCardsController_wallet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AfterSalesController_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AfterSalesController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AfterSalesController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shops/{shopId}/analytics/scenes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnalyticsController_scenes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shops/{shopId}/analytics/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnalyticsController_domains"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SearchController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SearchController_explain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["UploadsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shops/{shopId}/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CouponsController_list"];
        put?: never;
        post: operations["CouponsController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coupons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["CouponsController_end"];
        trace?: never;
    };
    "/api/coupons/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CouponsController_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CouponsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shops/{shopId}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LedgerController_view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shops/{shopId}/withdrawals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["LedgerController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/earnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EarningsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/earnings/withdrawals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EarningsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shops/{shopId}/sharers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EarningsController_sharers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        HealthDto: {
            /** @enum {string} */
            status: "ok";
            /** @enum {string} */
            database: "postgres" | "pglite";
            /** @description The database server's version */
            version: string;
            /**
             * @description Where search, product pages and analytics read now: the replica (DATABASE_READ_URL) while it lags less than DATABASE_READ_MAX_LAG_MS, otherwise the primary
             * @enum {string}
             */
            reads: "primary" | "replica";
        };
        WechatLoginDto: {
            /** @description The code wx.login just gave the mini program (valid once, for 5 minutes) */
            code: string;
        };
        UserDto: {
            id: string;
            openId: string;
            nickname: string;
            avatarUrl?: string | null;
        };
        LoginResponseDto: {
            token: string;
            user: components["schemas"]["UserDto"];
        };
        ApiErrorDto: {
            /** @example 409 */
            statusCode: number;
            /** @example Conflict */
            error: string;
            /** @example this gift has been claimed in full */
            message: string;
            /**
             * @description Stable, for programs; the message is for people
             * @example ALL_CLAIMED
             */
            code: string;
        };
        MeDto: {
            id: string;
            openId: string;
            nickname: string;
            avatarUrl?: string | null;
            shopIds: string[];
        };
        LoginDto: {
            /**
             * @description The WeChat openId the emulated wx.login exchange yields
             * @example o_alice
             */
            openId: string;
            /** @example Alice */
            nickname?: string;
        };
        CreateGroupDto: {
            /** @example 相亲相爱一家人 */
            name: string;
            /** @description Friends to add; the caller joins as owner */
            memberIds: string[];
        };
        ChatLastMessageDto: {
            senderId: string;
            /** @enum {string} */
            type: "text" | "gift" | "product" | "group_buy" | "gift_card" | "system";
            text?: string;
            /** @description System messages: what to say, as data, so each client words it in its language */
            notice?: {
                /** @enum {string} */
                kind: "group_created";
                params: {
                    name: string;
                };
            } | {
                /** @enum {string} */
                kind: "gift_claimed";
                params: {
                    nickname: string;
                };
            } | {
                /** @enum {string} */
                kind: "gift_all_claimed";
                params: {
                    units: number;
                };
            } | {
                /** @enum {string} */
                kind: "gift_declined";
                params: {
                    nickname: string;
                };
            } | {
                /** @enum {string} */
                kind: "gift_expired";
                params: {
                    units: number;
                };
            } | {
                /** @enum {string} */
                kind: "gift_refunded";
                params: {
                    units: number;
                };
            } | {
                /** @enum {string} */
                kind: "lottery_drawn";
                params: {
                    entrants: number;
                    /** @description The winners' nicknames */
                    winners: string[];
                };
            } | {
                /** @enum {string} */
                kind: "team_formed";
                params: {
                    groupSize: number;
                };
            } | {
                /** @enum {string} */
                kind: "team_failed";
                params: {
                    paid: number;
                };
            } | {
                /** @enum {string} */
                kind: "gift_card_claimed";
                params: {
                    nickname: string;
                };
            } | {
                /** @enum {string} */
                kind: "gift_card_refunded";
                params: {
                    title: string;
                };
            };
            /** Format: date-time */
            createdAt: string;
        };
        ChatDto: {
            id: string;
            /** @enum {string} */
            type: "direct" | "group";
            title: string;
            memberIds: string[];
            lastMessage?: components["schemas"]["ChatLastMessageDto"];
            /** @description Messages from others since the caller's last read */
            unreadCount?: number;
        };
        MessageDto: {
            id: string;
            chatId: string;
            senderId: string;
            /** @enum {string} */
            type: "text" | "gift" | "product" | "group_buy" | "gift_card" | "system";
            text?: string;
            /** @description System messages: what to say, as data, so each client words it in its language */
            notice?: {
                /** @enum {string} */
                kind: "group_created";
                params: {
                    name: string;
                };
            } | {
                /** @enum {string} */
                kind: "gift_claimed";
                params: {
                    nickname: string;
                };
            } | {
                /** @enum {string} */
                kind: "gift_all_claimed";
                params: {
                    units: number;
                };
            } | {
                /** @enum {string} */
                kind: "gift_declined";
                params: {
                    nickname: string;
                };
            } | {
                /** @enum {string} */
                kind: "gift_expired";
                params: {
                    units: number;
                };
            } | {
                /** @enum {string} */
                kind: "gift_refunded";
                params: {
                    units: number;
                };
            } | {
                /** @enum {string} */
                kind: "lottery_drawn";
                params: {
                    entrants: number;
                    /** @description The winners' nicknames */
                    winners: string[];
                };
            } | {
                /** @enum {string} */
                kind: "team_formed";
                params: {
                    groupSize: number;
                };
            } | {
                /** @enum {string} */
                kind: "team_failed";
                params: {
                    paid: number;
                };
            } | {
                /** @enum {string} */
                kind: "gift_card_claimed";
                params: {
                    nickname: string;
                };
            } | {
                /** @enum {string} */
                kind: "gift_card_refunded";
                params: {
                    title: string;
                };
            };
            giftId?: string;
            productId?: string;
            /** @description A 拼团 card (type group_buy) and its team notices */
            teamId?: string;
            /** @description A 节日礼券 (type gift_card) and its notices */
            giftCardId?: string;
            /** Format: date-time */
            createdAt: string;
        };
        ChatReadDto: {
            id: string;
            /** @enum {number} */
            unreadCount: 0;
        };
        SendMessageDto: {
            text?: string;
            /** @description Share a product card */
            productId?: string;
        };
        AddFriendDto: {
            /** @description The user to ask (or to accept, when they asked first) */
            userId: string;
        };
        FriendsNowDto: {
            /** @enum {string} */
            status: "friends";
            /** @description Their direct chat */
            chatId: string;
        };
        FriendRequestPendingDto: {
            /** @enum {string} */
            status: "pending";
        };
        FriendRequestDto: {
            id: string;
            fromUserId: string;
            nickname: string;
            /** Format: date-time */
            createdAt: string;
        };
        FriendRequestDeclinedDto: {
            id: string;
            /** @enum {string} */
            status: "declined";
        };
        CategoryDto: {
            code: string;
            name: string;
            nameEn: string;
            parentCode: string | null;
            /** @description Technical service fee rate in basis points */
            feeRateBps: number;
            giftable: boolean;
        };
        CreateShopDto: {
            /** @example 山茶小馆 */
            name: string;
        };
        ShopDto: {
            id: string;
            name: string;
            ownerId: string;
            /** Format: date-time */
            openedAt: string;
            followerCount: number;
            following?: boolean;
        };
        CreateSkuDto: {
            /**
             * @description Up to 5 spec names to values
             * @example {
             *       "规格": "250g 礼盒"
             *     }
             */
            specs: {
                [key: string]: string;
            };
            /**
             * @description Selling price in fen, at least 1
             * @example 16800
             */
            priceFen: number;
            /**
             * @description List price (原价) in fen, at least 1; gifts need at most 1,000,000
             * @example 19800
             */
            listPriceFen: number;
            /** @example 100 */
            stock: number;
        };
        CreateProductDto: {
            /** @example 明前龙井礼盒 */
            title: string;
            /** @example 西湖产区，春茶头采。 */
            description: string;
            /** @enum {string} */
            categoryCode: "food" | "tea" | "liquor" | "fresh" | "flowers" | "beauty" | "apparel" | "home" | "digital" | "toys" | "books" | "jewellery" | "jewellery_gold" | "jewellery_kgold" | "jewellery_fashion" | "jewellery_diamond" | "education";
            imageUrls?: string[];
            skus: components["schemas"]["CreateSkuDto"][];
        };
        SkuDto: {
            id: string;
            /**
             * @example {
             *       "规格": "250g 礼盒"
             *     }
             */
            specs: {
                [key: string]: string;
            };
            priceFen: number;
            listPriceFen: number;
            stock: number;
            giftable: boolean;
            /** @description Why the SKU cannot be a gift */
            giftReason?: string;
        };
        GroupDealSkuDto: {
            skuId: string;
            /** @description The group price, below the SKU’s own */
            groupPriceFen: number;
        };
        GroupDealDto: {
            id: string;
            shopId: string;
            productId: string;
            groupSize: number;
            windowHours: number;
            /** @enum {string} */
            status: "active" | "ended";
            skus: components["schemas"]["GroupDealSkuDto"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            endedAt: string | null;
        };
        ProductDto: {
            /** @description The unified product ID every scene links to */
            id: string;
            shopId: string;
            shopName: string;
            title: string;
            description: string;
            categoryCode: string;
            imageUrls: string[];
            /** @enum {string} */
            status: "listed" | "delisted";
            giftable: boolean;
            /** @description Lowest SKU price */
            priceFen: number;
            skus: components["schemas"]["SkuDto"][];
            /**
             * @description The scene it was read in, with ?scene=
             * @enum {string}
             */
            scene?: "search" | "moments_ad" | "channels_live" | "channels_video" | "mini_program" | "official_account" | "chat" | "group_chat" | "wecom" | "parcel_card" | "shop_home";
            /** @description Its active group deal (拼团), if any */
            groupDeal?: components["schemas"]["GroupDealDto"] | (never | null);
            /** @description 推客: what a sharer earns of what buyers pay, basis points (0: none) */
            commissionBps: number;
            /** Format: date-time */
            createdAt: string;
        };
        ProductSummaryDto: {
            id: string;
            shopId: string;
            shopName: string;
            title: string;
            categoryCode: string;
            imageUrl: string | null;
            priceFen: number;
            giftable: boolean;
            /** @description 推客 commission, basis points (0: none) */
            commissionBps: number;
        };
        ProductPageDto: {
            items: components["schemas"]["ProductSummaryDto"][];
            total: number;
        };
        UpdateSkuDto: {
            id: string;
            /** @description Selling price in fen, at least 1 */
            priceFen?: number;
            stock?: number;
        };
        UpdateProductDto: {
            title?: string;
            description?: string;
            /** @description Replaces the pictures (up to 9; uploads or absolute paths) */
            imageUrls?: string[];
            /** @enum {string} */
            status?: "listed" | "delisted";
            /** @description 推客 commission, basis points */
            commissionBps?: number;
            skus?: components["schemas"]["UpdateSkuDto"][];
        };
        PaymentNotifyAckDto: {
            /** @enum {boolean} */
            received: true;
            /** @description The notification had been taken before; nothing changed */
            duplicate: boolean;
        };
        SavedAddressDto: {
            /**
             * @description 1-30 characters
             * @example 爱丽丝
             */
            name: string;
            /**
             * @description A mainland mobile number or an E.164 +number
             * @example 13800138000
             */
            phone: string;
            /** @example 浙江省 杭州市 西湖区 */
            region: string;
            /**
             * @description May span lines
             * @example 龙井路 1 号
             */
            detail: string;
            id: string;
            isDefault: boolean;
        };
        CreateAddressDto: {
            /**
             * @description 1-30 characters
             * @example 爱丽丝
             */
            name: string;
            /**
             * @description A mainland mobile number or an E.164 +number
             * @example 13800138000
             */
            phone: string;
            /** @example 浙江省 杭州市 西湖区 */
            region: string;
            /**
             * @description May span lines
             * @example 龙井路 1 号
             */
            detail: string;
            /** @description Make it the default (the first address always is) */
            isDefault?: boolean;
        };
        UpdateAddressDto: {
            /** @example 爱丽丝 */
            name?: string;
            /** @example 13800138000 */
            phone?: string;
            /** @example 浙江省 杭州市 西湖区 */
            region?: string;
            /** @example 龙井路 1 号 */
            detail?: string;
            /** @description true makes it the default and clears the others */
            isDefault?: boolean;
        };
        OrderItemDto: {
            skuId: string;
            quantity: number;
        };
        AddressDto: {
            /**
             * @description 1-30 characters
             * @example 爱丽丝
             */
            name: string;
            /**
             * @description A mainland mobile number or an E.164 +number
             * @example 13800138000
             */
            phone: string;
            /** @example 浙江省 杭州市 西湖区 */
            region: string;
            /**
             * @description May span lines
             * @example 龙井路 1 号
             */
            detail: string;
        };
        CreateOrderDto: {
            items: components["schemas"]["OrderItemDto"][];
            /** @description One of the caller's claimed coupons of the shop (GET /api/me/coupons); omitted or null: none */
            userCouponId?: string | null;
            /** @description Gift cards of the caller's wallet, of the order's shop: each pays at most its balance, in this order */
            giftCardIds?: string[];
            /** @description Exactly one of address and addressId */
            address?: components["schemas"]["AddressDto"];
            /** @description A saved address of the caller (GET /api/me/addresses); the order keeps a copy */
            addressId?: string;
            /** @enum {string} */
            scene: "search" | "moments_ad" | "channels_live" | "channels_video" | "mini_program" | "official_account" | "chat" | "group_chat" | "wecom" | "parcel_card" | "shop_home";
            sharerId?: string;
        };
        OrderItemViewDto: {
            skuId: string;
            productId: string;
            title: string;
            /**
             * @example {
             *       "规格": "250g 礼盒"
             *     }
             */
            specs: {
                [key: string]: string;
            };
            unitPriceFen: number;
            quantity: number;
            /** @description What the line pays (its share of the goods after any discount) */
            paidFen: number;
        };
        AddressViewDto: {
            /** @example 爱丽丝 */
            name: string;
            /** @example 13800138000 */
            phone: string;
            /** @example 浙江省 杭州市 西湖区 */
            region: string;
            /** @example 龙井路 1 号 */
            detail: string;
        };
        OrderPaymentDto: {
            id: string;
            transactionId: string | null;
            /** @enum {string} */
            status: "pending" | "succeeded";
        };
        OrderAfterSaleDto: {
            id: string;
            orderId: string;
            /** @enum {string} */
            type: "refund" | "return";
            /** @enum {string} */
            status: "requested" | "refunded" | "rejected";
            reason: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            resolvedAt: string | null;
            /** @description The case still freezes the order */
            open: boolean;
        };
        GiftOrderUnitsDto: {
            units: number;
            /** @description Not claimed yet */
            open: number;
            claimed: number;
            shipped: number;
            delivered: number;
        };
        CardPartDto: {
            /** @description The gift card (its id in the wallet) */
            id: string;
            amountFen: number;
        };
        OrderGiftCardDto: {
            id: string;
            /** @enum {string} */
            status: "pending_payment" | "sent" | "claimed" | "refunded" | "cancelled";
            title: string;
        };
        FollowOfferDto: {
            shopId: string;
            shopName: string;
        };
        PlacedOrderDto: {
            id: string;
            /** @enum {string} */
            kind: "normal" | "gift" | "group_buy" | "gift_card";
            /** @enum {string} */
            status: "pending_payment" | "paid" | "shipped" | "delivered" | "completed" | "cancelled" | "refunded";
            shopId: string;
            buyerId: string;
            items: components["schemas"]["OrderItemViewDto"][];
            goodsFen: number;
            freightFen: number;
            discountFen: number;
            giftCardFen: number;
            /** @description goods + freight − discount */
            totalFen: number;
            /** @description total − gift-card part: what WeChat Pay charges */
            payFen: number;
            refundedFen: number;
            /** @enum {string} */
            scene: "search" | "moments_ad" | "channels_live" | "channels_video" | "mini_program" | "official_account" | "chat" | "group_chat" | "wecom" | "parcel_card" | "shop_home";
            /** @enum {string} */
            domain: "public" | "private";
            sharerId: string | null;
            address: components["schemas"]["AddressViewDto"] | (never | null);
            carrier: string | null;
            trackingNo: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            paidAt: string | null;
            /** Format: date-time */
            shippedAt: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date-time */
            cancelledAt: string | null;
            /** Format: date-time */
            refundedAt: string | null;
            payment: components["schemas"]["OrderPaymentDto"] | (never | null);
            /** @description The latest after-sales case */
            afterSale: components["schemas"]["OrderAfterSaleDto"] | (never | null);
            /** @description Gift orders only */
            giftUnits?: components["schemas"]["GiftOrderUnitsDto"] | (never | null);
            /** @description The coupon the order uses (held while unpaid) */
            userCouponId: string | null;
            /** @description What each gift card pays of the order */
            giftCards: components["schemas"]["CardPartDto"][];
            /** @description A 节日礼券 order: its card */
            giftCard?: components["schemas"]["OrderGiftCardDto"] | (never | null);
            /** @description After a public-scene purchase: an offer to follow the shop */
            followOffer: components["schemas"]["FollowOfferDto"] | (never | null);
        };
        QuoteOrderDto: {
            items: components["schemas"]["OrderItemDto"][];
            /** @description One of the caller's claimed coupons of the shop (GET /api/me/coupons); omitted or null: none */
            userCouponId?: string | null;
            /** @description Gift cards of the caller's wallet, of the order's shop: each pays at most its balance, in this order */
            giftCardIds?: string[];
        };
        QuoteLineDto: {
            skuId: string;
            quantity: number;
            paidFen: number;
        };
        QuoteCouponOptionDto: {
            userCouponId: string;
            couponId: string;
            title: string;
            usable: boolean;
            /** @description What it would take off (0 when unusable) */
            discountFen: number;
            /** @description Why it cannot be used */
            reason: string | null;
            /** Format: date-time */
            expiresAt: string;
        };
        OrderQuoteDto: {
            goodsFen: number;
            freightFen: number;
            discountFen: number;
            giftCardFen: number;
            totalFen: number;
            payFen: number;
            /** @description Per line, in the order sent; paidFen adds up to the goods */
            lines: components["schemas"]["QuoteLineDto"][];
            /** @description What each named gift card would pay */
            giftCards: components["schemas"]["CardPartDto"][];
            /** @description The coupon applied (the one asked for) */
            userCouponId: string | null;
            /** @description The caller's coupons of the shop, best first */
            coupons: components["schemas"]["QuoteCouponOptionDto"][];
            /** @description The usable coupon that takes the most off (the checkout default) */
            bestUserCouponId: string | null;
        };
        OrderDto: {
            id: string;
            /** @enum {string} */
            kind: "normal" | "gift" | "group_buy" | "gift_card";
            /** @enum {string} */
            status: "pending_payment" | "paid" | "shipped" | "delivered" | "completed" | "cancelled" | "refunded";
            shopId: string;
            buyerId: string;
            items: components["schemas"]["OrderItemViewDto"][];
            goodsFen: number;
            freightFen: number;
            discountFen: number;
            giftCardFen: number;
            /** @description goods + freight − discount */
            totalFen: number;
            /** @description total − gift-card part: what WeChat Pay charges */
            payFen: number;
            refundedFen: number;
            /** @enum {string} */
            scene: "search" | "moments_ad" | "channels_live" | "channels_video" | "mini_program" | "official_account" | "chat" | "group_chat" | "wecom" | "parcel_card" | "shop_home";
            /** @enum {string} */
            domain: "public" | "private";
            sharerId: string | null;
            address: components["schemas"]["AddressViewDto"] | (never | null);
            carrier: string | null;
            trackingNo: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            paidAt: string | null;
            /** Format: date-time */
            shippedAt: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date-time */
            cancelledAt: string | null;
            /** Format: date-time */
            refundedAt: string | null;
            payment: components["schemas"]["OrderPaymentDto"] | (never | null);
            /** @description The latest after-sales case */
            afterSale: components["schemas"]["OrderAfterSaleDto"] | (never | null);
            /** @description Gift orders only */
            giftUnits?: components["schemas"]["GiftOrderUnitsDto"] | (never | null);
            /** @description The coupon the order uses (held while unpaid) */
            userCouponId: string | null;
            /** @description What each gift card pays of the order */
            giftCards: components["schemas"]["CardPartDto"][];
            /** @description A 节日礼券 order: its card */
            giftCard?: components["schemas"]["OrderGiftCardDto"] | (never | null);
        };
        OrderPageDto: {
            items: components["schemas"]["OrderDto"][];
            total: number;
        };
        PaymentRefDto: {
            id: string;
            transactionId: string | null;
        };
        PayResultDto: {
            id: string;
            /** @enum {string} */
            status: "pending_payment" | "paid" | "shipped" | "delivered" | "completed" | "cancelled" | "refunded";
            /** @description null when gift cards paid the whole order */
            payment: components["schemas"]["PaymentRefDto"] | (never | null);
        };
        ShipDto: {
            /** @example 顺丰速运 */
            carrier: string;
            /** @example SF1234567890 */
            trackingNo: string;
        };
        CreateGiftDto: {
            /** @description A giftable SKU */
            skuId: string;
            /** @description A direct chat (single) or a group chat (first_come, lottery) the giver is in */
            chatId: string;
            /** @enum {string} */
            mode: "single" | "first_come" | "lottery";
            /** @description 1 for single; 2 to 100 for group gifts */
            units: number;
            /** @description At most 50 characters, no banned words */
            wishMessage?: string;
            /**
             * Format: date-time
             * @description Lottery only: when to draw, at most 24 hours away (ISO-8601)
             */
            drawAt?: string;
        };
        CreatedGiftDto: {
            id: string;
            orderId: string;
            /**
             * @description 0: created, unpaid
             * @enum {number}
             */
            status: 0 | 10 | 20 | 180 | 181 | 250;
            totalFen: number;
        };
        GiftGiverDto: {
            id: string;
            nickname: string;
        };
        GiftProductCardDto: {
            productId: string;
            title: string;
            imageUrl: string | null;
            skuId: string;
            /**
             * @example {
             *       "规格": "250g 礼盒"
             *     }
             */
            specs: {
                [key: string]: string;
            };
            unitPriceFen: number;
        };
        GiftClaimSummaryDto: {
            recipientId: string;
            nickname: string;
            /** Format: date-time */
            acceptedAt: string;
            /** @enum {string} */
            shippingStatus: "pending_shipment" | "shipped" | "delivered" | "refunded";
        };
        GiftClaimantDto: {
            nickname: string;
            /** Format: date-time */
            acceptedAt: string;
        };
        MyGiftClaimDto: {
            id: string;
            skuId: string;
            /**
             * @example {
             *       "规格": "250g 礼盒"
             *     }
             */
            specs: {
                [key: string]: string;
            };
            address: components["schemas"]["AddressViewDto"];
            /** Format: date-time */
            acceptedAt: string;
            /** @enum {string} */
            claimStatus: "accepted" | "shipped" | "delivered" | "completed" | "refunded";
            /** @enum {string} */
            shippingStatus: "pending_shipment" | "shipped" | "delivered" | "refunded";
            carrier: string | null;
            trackingNo: string | null;
        };
        GiftDto: {
            id: string;
            orderId: string;
            /**
             * @description Which view of the gift this is
             * @enum {string}
             */
            role: "giver" | "recipient" | "member";
            /** @enum {string} */
            mode: "single" | "first_come" | "lottery";
            /**
             * @description 0, 10, 20, 180, 181 or 250 (GIFT_STATUS_CODES)
             * @enum {number}
             */
            status: 0 | 10 | 20 | 180 | 181 | 250;
            chatId: string;
            giver: components["schemas"]["GiftGiverDto"];
            wishMessage: string;
            product: components["schemas"]["GiftProductCardDto"];
            units: number;
            claimedUnits: number;
            remainingUnits: number;
            /** Format: date-time */
            sentAt: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            drawAt: string | null;
            /** Format: date-time */
            drawnAt: string | null;
            /** @description Giver only: who accepted, without addresses */
            claims?: components["schemas"]["GiftClaimSummaryDto"][];
            /** @description Everyone: who got one and when, oldest first */
            claimants?: components["schemas"]["GiftClaimantDto"][];
            refundedUnits?: number;
            /** @description The caller's own claim */
            myClaim?: components["schemas"]["MyGiftClaimDto"] | (never | null);
            /** @description Lottery: whether the caller entered */
            entered?: boolean;
            /** @description Lottery: whether the caller won (after the draw) */
            won?: boolean | null;
            entrantCount?: number;
        };
        ClaimGiftDto: {
            /** @description Exactly one of address and addressId */
            address?: components["schemas"]["AddressDto"];
            /** @description A saved address of the caller (GET /api/me/addresses); a copy is kept */
            addressId?: string;
            /** @description Another giftable SKU of the same product at the same price */
            skuId?: string;
        };
        ClaimResultDto: {
            id: string;
            skuId: string;
            /**
             * @example {
             *       "规格": "250g 礼盒"
             *     }
             */
            specs: {
                [key: string]: string;
            };
            address: components["schemas"]["AddressViewDto"];
            /** Format: date-time */
            acceptedAt: string;
            /** @enum {string} */
            claimStatus: "accepted" | "shipped" | "delivered" | "completed" | "refunded";
            /** @enum {string} */
            shippingStatus: "pending_shipment" | "shipped" | "delivered" | "refunded";
            carrier: string | null;
            trackingNo: string | null;
            giftId: string;
            /**
             * @description The platform code for an accepted claim
             * @enum {number}
             */
            status: 20;
        };
        LotteryEntryDto: {
            giftId: string;
            userId: string;
            /** Format: date-time */
            enteredAt: string;
        };
        LotteryDrawDto: {
            giftId: string;
            /** @description Recompute the winners with drawWinners from @giftshop/shared */
            seed: string;
            entrantIds: string[];
            winnerIds: string[];
            units: number;
            /** Format: date-time */
            drawnAt: string;
        };
        FulfilmentDto: {
            id: string;
            giftId: string;
            orderId: string;
            recipientId: string;
            recipientNickname: string;
            productId: string;
            title: string;
            skuId: string;
            /**
             * @example {
             *       "规格": "250g 礼盒"
             *     }
             */
            specs: {
                [key: string]: string;
            };
            address: components["schemas"]["AddressViewDto"];
            /** @enum {string} */
            claimStatus: "accepted" | "shipped" | "delivered" | "completed" | "refunded";
            /** Format: date-time */
            acceptedAt: string;
            carrier: string | null;
            trackingNo: string | null;
            /** Format: date-time */
            shippedAt: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
        };
        GroupDealSkuInputDto: {
            skuId: string;
            /** @description Below the SKU’s own price */
            groupPriceFen: number;
        };
        CreateGroupDealDto: {
            productId: string;
            groupSize: number;
            /** @default 24 */
            windowHours: number;
            /** @description The SKUs on offer with their group prices */
            skus: components["schemas"]["GroupDealSkuInputDto"][];
        };
        TeamCountsDto: {
            forming: number;
            open: number;
            formed: number;
            failed: number;
            cancelled: number;
        };
        GroupDealSummaryDto: {
            id: string;
            shopId: string;
            productId: string;
            groupSize: number;
            windowHours: number;
            /** @enum {string} */
            status: "active" | "ended";
            skus: components["schemas"]["GroupDealSkuDto"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            endedAt: string | null;
            productTitle: string;
            /** @description The deal’s teams by status */
            teams: components["schemas"]["TeamCountsDto"];
        };
        UpdateGroupDealDto: {
            /**
             * @description Ending stops new teams; open teams run to their end
             * @enum {string}
             */
            status: "ended";
        };
        TeamMemberDto: {
            userId: string;
            nickname: string;
            avatarUrl: string | null;
            /**
             * Format: date-time
             * @description Null while the seat is held by an unpaid order
             */
            paidAt: string | null;
            leader: boolean;
        };
        TeamDto: {
            id: string;
            dealId: string;
            productId: string;
            shopId: string;
            productTitle: string;
            imageUrl: string | null;
            skus: components["schemas"]["GroupDealSkuDto"][];
            /** @enum {string} */
            status: "forming" | "open" | "formed" | "failed" | "cancelled";
            groupSize: number;
            /** @description Paid members */
            paidCount: number;
            /** @description groupSize − paid − held */
            seatsLeft: number;
            /**
             * Format: date-time
             * @description Set when the leader pays: the team fails if not formed by then
             */
            expiresAt: string | null;
            /** Format: date-time */
            formedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            members: components["schemas"]["TeamMemberDto"][];
        };
        OpenTeamDto: {
            /** @description Exactly one of address and addressId */
            address?: components["schemas"]["AddressDto"];
            /** @description A saved address of the caller (GET /api/me/addresses); a copy is kept */
            addressId?: string;
            /** @description A SKU of the deal */
            skuId: string;
            quantity: number;
            /**
             * @description Default: from the team’s chat (chat or group_chat)
             * @enum {string}
             */
            scene?: "chat" | "group_chat";
            dealId: string;
            /** @description A chat the leader belongs to: the 拼团 card is posted there when the leader pays */
            chatId?: string;
        };
        TeamOrderDto: {
            teamId: string;
            /** @description Pay it with POST /api/orders/:orderId/pay */
            orderId: string;
            totalFen: number;
        };
        SeatDto: {
            /** @description Exactly one of address and addressId */
            address?: components["schemas"]["AddressDto"];
            /** @description A saved address of the caller (GET /api/me/addresses); a copy is kept */
            addressId?: string;
            /** @description A SKU of the deal */
            skuId: string;
            quantity: number;
            /**
             * @description Default: from the team’s chat (chat or group_chat)
             * @enum {string}
             */
            scene?: "chat" | "group_chat";
        };
        GiftCardDesignFiguresDto: {
            id: string;
            shopId: string;
            title: string;
            /** @enum {string} */
            theme: "plain" | "spring_festival" | "mid_autumn" | "dragon_boat" | "mothers_day" | "birthday";
            faceValueFen: number;
            validDays: number;
            /** @enum {string} */
            status: "active" | "ended";
            /** Format: date-time */
            createdAt: string;
            /** @description Cards paid for */
            sold: number;
            claimed: number;
            /** @description Refunded to the giver, unclaimed */
            refunded: number;
            /** @description Sent, not claimed yet */
            waiting: number;
            /** @description Face value of the claimed cards: the income */
            claimedFen: number;
            /** @description What orders took from them */
            redeemedFen: number;
            /** @description What is left on unexpired cards */
            outstandingFen: number;
        };
        CreateDesignDto: {
            /** @example 中秋礼券 */
            title: string;
            /** @description ¥10–¥1,000, in fen */
            faceValueFen: number;
            /** @description Valid this many days after it is claimed */
            validDays: number;
            /**
             * @description 春节, 中秋, 端午, 母亲节, 生日, or plain
             * @default plain
             * @enum {string}
             */
            theme: "plain" | "spring_festival" | "mid_autumn" | "dragon_boat" | "mothers_day" | "birthday";
        };
        GiftCardDesignDto: {
            id: string;
            shopId: string;
            title: string;
            /** @enum {string} */
            theme: "plain" | "spring_festival" | "mid_autumn" | "dragon_boat" | "mothers_day" | "birthday";
            faceValueFen: number;
            validDays: number;
            /** @enum {string} */
            status: "active" | "ended";
            /** Format: date-time */
            createdAt: string;
        };
        EndDto: {
            /**
             * @description Stops new claims (or purchases); what was claimed stays usable
             * @enum {string}
             */
            status: "ended";
        };
        BuyGiftCardDto: {
            designId: string;
            /** @description A direct chat the caller is in: the card is for the friend there */
            chatId: string;
            /** @description At most 50 characters, no banned words */
            wishMessage?: string;
        };
        GiftCardPurchaseDto: {
            /** @description The card (its id in the wallet once claimed) */
            id: string;
            /** @description Pay it with POST /api/orders/:orderId/pay */
            orderId: string;
            totalFen: number;
        };
        GiftCardDto: {
            id: string;
            orderId: string;
            shopId: string;
            shopName: string;
            designId: string;
            title: string;
            /** @enum {string} */
            theme: "plain" | "spring_festival" | "mid_autumn" | "dragon_boat" | "mothers_day" | "birthday";
            faceValueFen: number;
            wishMessage: string;
            giverId: string;
            giverNickname: string;
            chatId: string;
            recipientId: string;
            /** @enum {string} */
            status: "pending_payment" | "sent" | "claimed" | "refunded" | "cancelled";
            /** Format: date-time */
            sentAt: string | null;
            /** Format: date-time */
            claimableUntil: string | null;
            /** Format: date-time */
            claimedAt: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** @description Its holder only */
            balanceFen: number | null;
            canClaim: boolean;
        };
        WalletCardDto: {
            id: string;
            shopId: string;
            shopName: string;
            title: string;
            /** @enum {string} */
            theme: "plain" | "spring_festival" | "mid_autumn" | "dragon_boat" | "mothers_day" | "birthday";
            faceValueFen: number;
            balanceFen: number;
            /** Format: date-time */
            claimedAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** @enum {string} */
            status: "active" | "used_up" | "expired";
            giverNickname: string;
        };
        RefundRequestDto: {
            /** @example 不想要了 */
            reason: string;
        };
        SceneAnalyticsRowDto: {
            productId: string;
            title: string;
            /** @enum {string} */
            scene: "search" | "moments_ad" | "channels_live" | "channels_video" | "mini_program" | "official_account" | "chat" | "group_chat" | "wecom" | "parcel_card" | "shop_home";
            /** @enum {string} */
            domain: "public" | "private";
            views: number;
            orders: number;
            gmvFen: number;
            /** @description orders / views, or null without views */
            conversion: number | null;
        };
        DomainFiguresDto: {
            views: number;
            orders: number;
            gmvFen: number;
            /** @description orders / views, or null without views */
            conversion: number | null;
        };
        DomainAnalyticsDto: {
            public: components["schemas"]["DomainFiguresDto"];
            /** @description The shop's followers (private domain) */
            private: components["schemas"]["DomainFiguresDto"];
        };
        SearchItemDto: {
            productId: string;
            shopId: string;
            title: string;
            /** @description The lowest SKU price */
            priceFen: number;
            score: number;
        };
        SearchPageDto: {
            /** @description Best first */
            items: components["schemas"]["SearchItemDto"][];
            total: number;
        };
        SearchFactorDto: {
            value: number;
            weight: number;
            contribution: number;
        };
        SearchCapsDto: {
            product: number;
            shop: number;
        };
        SearchConversionDto: {
            orders: number;
            views: number;
            rate: number;
            weight: number;
        };
        SearchExplainDto: {
            productId: string;
            query: string;
            /** @description What the query was split into */
            tokens: string[];
            /** @description Whether the product matches the query at all */
            matches: boolean;
            score: number;
            relevance: number;
            boost: number;
            /** @description min(caps.product, productSales) + min(caps.shop, shopSales) */
            sales: number;
            productSales: number;
            shopSales: number;
            caps: components["schemas"]["SearchCapsDto"];
            conversion: components["schemas"]["SearchConversionDto"];
            /** @description Each factor of the score by name */
            factors: {
                [key: string]: components["schemas"]["SearchFactorDto"];
            };
            formula: string;
            halfLifeDays: number;
        };
        UploadedImageDto: {
            /** @example /uploads/0f3a….webp */
            url: string;
            /** @example /uploads/0f3a…-thumb.webp */
            thumbnailUrl: string;
        };
        CouponFiguresDto: {
            /** @enum {string} */
            type: "amount_off" | "percent_off";
            amountOffFen: number | null;
            percentOffBps: number | null;
            minSpendFen: number;
            maxDiscountFen: number | null;
            /** @description null: every product of the shop */
            productIds: string[] | null;
            id: string;
            shopId: string;
            title: string;
            total: number;
            claimed: number;
            perUserLimit: number;
            /** Format: date-time */
            claimEndsAt: string;
            validDays: number;
            /** @enum {string} */
            status: "active" | "ended";
            /** Format: date-time */
            createdAt: string;
            /** @description How many of it the caller has claimed (0 when not signed in) */
            claimedByMe: number;
            /** @description Held by unpaid orders */
            held: number;
            /** @description Used on paid orders */
            used: number;
            /** @description What the used ones took off */
            discountFen: number;
        };
        IssueCouponDto: {
            /** @example 满100减20 */
            title: string;
            /** @enum {string} */
            type: "amount_off" | "percent_off";
            /** @description amount_off only: fen off */
            amountOffFen?: number;
            /** @description percent_off only: 1–8000 (1500 = 15% off, 8.5折) */
            percentOffBps?: number;
            /** @description Goods of the coupon’s products before the discount, freight excluded */
            minSpendFen: number;
            /** @description percent_off only: the most it takes off */
            maxDiscountFen?: number;
            /** @description The shop’s products it applies to; omitted: all of them */
            productIds?: string[];
            /** @description How many can ever be claimed */
            total: number;
            perUserLimit: number;
            /** @description Claims close then (ISO 8601, in the future) */
            claimEndsAt: string;
            /** @description A claimed coupon is valid this many days */
            validDays: number;
        };
        CouponDto: {
            /** @enum {string} */
            type: "amount_off" | "percent_off";
            amountOffFen: number | null;
            percentOffBps: number | null;
            minSpendFen: number;
            maxDiscountFen: number | null;
            /** @description null: every product of the shop */
            productIds: string[] | null;
            id: string;
            shopId: string;
            title: string;
            total: number;
            claimed: number;
            perUserLimit: number;
            /** Format: date-time */
            claimEndsAt: string;
            validDays: number;
            /** @enum {string} */
            status: "active" | "ended";
            /** Format: date-time */
            createdAt: string;
            /** @description How many of it the caller has claimed (0 when not signed in) */
            claimedByMe: number;
        };
        UserCouponDto: {
            /** @enum {string} */
            type: "amount_off" | "percent_off";
            amountOffFen: number | null;
            percentOffBps: number | null;
            minSpendFen: number;
            maxDiscountFen: number | null;
            /** @description null: every product of the shop */
            productIds: string[] | null;
            id: string;
            couponId: string;
            shopId: string;
            title: string;
            /** @enum {string} */
            status: "unused" | "held" | "used" | "expired";
            /** Format: date-time */
            claimedAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description The order holding or having used it */
            orderId: string | null;
        };
        LedgerEntryDto: {
            id: number;
            /** @enum {string} */
            type: "income" | "fee" | "refund" | "fee_reversal" | "commission" | "commission_reversal" | "withdrawal" | "card_redemption";
            orderId: string | null;
            /** @description The gift unit the entry belongs to */
            unitId: string | null;
            /** @description Signed: income and reversals are positive */
            amountFen: number;
            /** Format: date-time */
            at: string;
            /**
             * Format: date-time
             * @description When the entry became available (null while pending)
             */
            releasedAt: string | null;
        };
        LedgerTotalsDto: {
            paidFen: number;
            refundedFen: number;
            /** @description Fees charged less fees reversed */
            feeFen: number;
            /** @description Sharers' commissions booked less those reversed */
            commissionFen: number;
            pendingFen: number;
            availableFen: number;
            withdrawnFen: number;
        };
        LedgerDto: {
            /** @description One page, newest first */
            entries: components["schemas"]["LedgerEntryDto"][];
            /** @description How many entries the shop has in all */
            total: number;
            totals: components["schemas"]["LedgerTotalsDto"];
        };
        WithdrawDto: {
            /** @description Fen to withdraw; at most what is available */
            amountFen: number;
        };
        WithdrawalDto: {
            id: number;
            amountFen: number;
            /** Format: date-time */
            at: string;
            /** @description After the withdrawal */
            totals: components["schemas"]["LedgerTotalsDto"];
        };
        EarningDto: {
            orderId: string;
            productId: string;
            productTitle: string;
            /** @description Booked less reversed */
            amountFen: number;
            /** @enum {string} */
            status: "pending" | "available" | "reversed";
            /** Format: date-time */
            at: string;
        };
        EarningsTotalsDto: {
            pendingFen: number;
            availableFen: number;
            withdrawnFen: number;
        };
        EarningsDto: {
            /** @description One per order and product, newest first (at most 200) */
            entries: components["schemas"]["EarningDto"][];
            totals: components["schemas"]["EarningsTotalsDto"];
        };
        WithdrawEarningsDto: {
            /** @description Fen to withdraw; at most what is available */
            amountFen: number;
        };
        EarningsWithdrawalDto: {
            id: string;
            amountFen: number;
            /** Format: date-time */
            at: string;
            /** @description After the withdrawal */
            totals: components["schemas"]["EarningsTotalsDto"];
        };
        SharerRowDto: {
            sharerId: string;
            nickname: string;
            orders: number;
            /** @description What buyers paid for the shared products, freight excluded, net of refunds */
            gmvFen: number;
            /** @description Commission booked less reversed */
            commissionFen: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    IdentityController_wechat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WechatLoginDto"];
            };
        };
        responses: {
            /** @description wx.login code traded through code2session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            /** @description code is missing or malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description WECHAT_CODE_REJECTED: WeChat refused the code (bad or used) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description WeChat unreachable (Retry-After) or login not configured */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    IdentityController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DevLoginController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description Sandbox login: the same openId is the same user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    SocialController_createGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGroupDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    SocialController_listChats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    SocialController_getChat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    SocialController_listMessages: {
        parameters: {
            query?: {
                before?: unknown;
                limit?: unknown;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first; members only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    SocialController_sendMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendMessageDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    SocialController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Marks the chat read up to now; members only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatReadDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    FriendsController_ask: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddFriendDto"];
            };
        };
        responses: {
            /** @description Both asked: friends, with their direct chat */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FriendsNowDto"];
                };
            };
            /** @description The request waits for the other to ask back */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FriendRequestPendingDto"];
                };
            };
            /** @description CANNOT_FRIEND_SELF, or userId is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    FriendsController_incoming: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Requests waiting for the caller, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FriendRequestDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    FriendsController_decline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FriendRequestDeclinedDto"];
                };
            };
            /** @description FRIEND_REQUEST_NOT_FOUND: no such request addressed to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CatalogController_categories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The category table: fee rate and whether gifts are allowed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CatalogController_createShop: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateShopDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CatalogController_getShop: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CatalogController_follow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller follows the shop (public → private domain) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CatalogController_unfollow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CatalogController_listShopProducts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The merchant console's list, delisted included; owner only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CatalogController_createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProductDto"];
            };
        };
        responses: {
            /** @description Lists a product; owner of the shop only */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CatalogController_listProducts: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                shopId?: string;
                categoryCode?: "food" | "tea" | "liquor" | "fresh" | "flowers" | "beauty" | "apparel" | "home" | "digital" | "toys" | "books" | "jewellery" | "jewellery_gold" | "jewellery_kgold" | "jewellery_fashion" | "jewellery_diamond" | "education";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Listed products, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPageDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CatalogController_readProduct: {
        parameters: {
            query?: {
                /** @description Where the visit came from; records a view */
                scene?: "search" | "moments_ad" | "channels_live" | "channels_video" | "mini_program" | "official_account" | "chat" | "group_chat" | "wecom" | "parcel_card" | "shop_home";
                /** @description The user who shared the link */
                sharer?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With ?scene=, records a view in that scene */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CatalogController_updateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProductDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    PaymentsController_notify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 401 when the signature is bad */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentNotifyAckDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AddressesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's address book, the default first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedAddressDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AddressesController_add: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAddressDto"];
            };
        };
        responses: {
            /** @description The first address is the default. 409 ADDRESS_BOOK_FULL */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedAddressDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AddressesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleting the default makes the most recent remaining one the default */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AddressesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAddressDto"];
            };
        };
        responses: {
            /** @description isDefault: true clears the others' default */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedAddressDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    OrdersController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                role?: "buyer" | "merchant";
                /** @description Required with role=merchant */
                shopId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's orders as buyer, or a shop's as its merchant */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPageDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    OrdersController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key and body replays the first answer; the same key with another body is a 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrderDto"];
            };
        };
        responses: {
            /** @description A pending order; stock is reserved. 409 SOLD_OUT when it is not there. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlacedOrderDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    OrdersController_quote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuoteOrderDto"];
            };
        };
        responses: {
            /** @description What POST /api/orders with the same items, coupon and cards would charge now, with the caller’s coupons of the shop ranked for a picker; nothing is reserved. 409 SOLD_OUT (naming the line), COUPON_NOT_USABLE, GIFT_CARD_NOT_USABLE */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderQuoteDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    OrdersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Buyer or merchant only; shows the latest after-sales case */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    OrdersController_pay: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key and body replays the first answer; the same key with another body is a 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paid (the sandbox pays at once) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayResultDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    OrdersController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Buyer, unpaid orders only; the stock returns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    OrdersController_ship: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShipDto"];
            };
        };
        responses: {
            /** @description The shop's merchant ships a paid order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    OrdersController_confirmReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The buyer confirms receipt; the 7-day return window starts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftsController_list: {
        parameters: {
            query?: {
                role?: "giver" | "recipient";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's gifts as giver or as recipient, with their states */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GiftDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key and body replays the first answer; the same key with another body is a 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGiftDto"];
            };
        };
        responses: {
            /** @description Created, unpaid (status 0): pay with POST /api/orders/:orderId/pay */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedGiftDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Giver: units and claims without addresses; recipient: their claim; members: the card */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GiftDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftsController_claim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimGiftDto"];
            };
        };
        responses: {
            /** @description The caller's claim, status 20. 409 when all claimed, already claimed, expired or not a winner. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimResultDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftsController_decline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Single gift recipient only: the giver is refunded at once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GiftDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftsController_enter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Lottery, before the draw */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LotteryEntryDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftsController_draw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The draw: recompute it with drawWinners from @giftshop/shared */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LotteryDrawDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftsController_fulfilments: {
        parameters: {
            query?: {
                status?: "accepted" | "shipped" | "delivered" | "completed" | "refunded";
            };
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Claimed units to ship, with the addresses (the shop owner only) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FulfilmentDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftsController_ship: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShipDto"];
            };
        };
        responses: {
            /** @description The shop's merchant ships one claimed unit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyGiftClaimDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftsController_confirmReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The recipient confirms receipt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyGiftClaimDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GroupBuysController_deals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shop owner only: deals with their teams by status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupDealSummaryDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GroupBuysController_createDeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGroupDealDto"];
            };
        };
        responses: {
            /** @description The shop owner only; one active deal per product */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupDealDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GroupBuysController_endDeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateGroupDealDto"];
            };
        };
        responses: {
            /** @description Ends the deal: no new teams; its teams run to their end */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupDealDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GroupBuysController_dealTeams: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shop owner only: the deal’s teams, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GroupBuysController_mine: {
        parameters: {
            query: {
                role: "mine";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller’s teams, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GroupBuysController_open: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key and body replays the first answer; the same key with another body is a 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenTeamDto"];
            };
        };
        responses: {
            /** @description Opens a team (forming) with the caller as leader; paying the order opens it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamOrderDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GroupBuysController_join: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key and body replays the first answer; the same key with another body is a 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SeatDto"];
            };
        };
        responses: {
            /** @description Holds a seat until the order is paid or cancelled. 409 TEAM_FULL, ALREADY_IN_TEAM, TEAM_CLOSED */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamOrderDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GroupBuysController_team: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Anyone with the link: members and seats, never an address */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftCardsController_designs: {
        parameters: {
            query?: {
                /** @description The owner: every design with its figures */
                scope?: "all";
            };
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The designs on sale. scope=all: the owner only, every design with its figures (GiftCardDesignFiguresView: also sold, claimed, refunded, waiting, claimedFen, redeemedFen, outstandingFen) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GiftCardDesignDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftCardsController_createDesign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDesignDto"];
            };
        };
        responses: {
            /** @description The shop owner designs a 节日礼券 (¥10–¥1,000) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GiftCardDesignDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftCardsController_endDesign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndDto"];
            };
        };
        responses: {
            /** @description The owner stops selling it; cards sold run their course */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GiftCardDesignDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftCardsController_buy: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key and body replays the first answer; the same key with another body is a 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BuyGiftCardDto"];
            };
        };
        responses: {
            /** @description A card for the friend of a direct chat; paying its order posts it into the chat */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GiftCardPurchaseDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftCardsController_view: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Members of its chat only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GiftCardDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftCardsController_claim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The friend claims it (no address): 403 NOT_RECIPIENT, 409 CARD_NOT_CLAIMABLE */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WalletCardDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    GiftCardsController_wallet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's wallet: usable cards first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WalletCardDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AfterSalesController_refund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundRequestDto"];
            };
        };
        responses: {
            /** @description Before shipment: refunded at once. Within 7 days of delivery: a return for the merchant to approve. The buyer's order; for a gift's order, the recipient's view of the gift. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"] | components["schemas"]["GiftDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AfterSalesController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The merchant approves a return; the refund goes to the original payment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AfterSalesController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The merchant rejects a return */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AnalyticsController_scenes: {
        parameters: {
            query?: {
                /** @description One product only */
                productId?: string;
            };
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Per product and scene (owner only) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SceneAnalyticsRowDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AnalyticsController_domains: {
        parameters: {
            query?: {
                /** @description One product only */
                productId?: string;
            };
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Public and private domain figures (owner only) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DomainAnalyticsDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    SearchController_search: {
        parameters: {
            query: {
                /** @description What to look for: Chinese, Latin or both, at most 50 characters */
                q: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Best first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchPageDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    SearchController_explain: {
        parameters: {
            query: {
                q: string;
                productId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Each factor of the score, which they recompute */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchExplainDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    UploadsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A JPEG, PNG or WebP image of at most 5 MB (checked by its content) */
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description The image and its thumbnail, for imageUrls */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadedImageDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CouponsController_list: {
        parameters: {
            query?: {
                /** @description The owner: every coupon with its figures */
                scope?: "all";
            };
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The coupons anyone may claim now. scope=all: the owner only, every coupon with its figures (CouponFiguresView: also held, used, discountFen) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CouponsController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueCouponDto"];
            };
        };
        responses: {
            /** @description The shop owner issues a fixed number of a coupon */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CouponsController_end: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndDto"];
            };
        };
        responses: {
            /** @description The owner ends it: no more claims; claimed ones stay usable */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CouponsController_claim: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key and body replays the first answer; the same key with another body is a 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 领券. 409 SOLD_OUT (all claimed), LIMIT_REACHED (the per-user limit), COUPON_ENDED */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserCouponDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CouponsController_mine: {
        parameters: {
            query?: {
                shopId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's claimed coupons, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserCouponDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    LedgerController_view: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of entries, newest first, and the totals (owner only) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    LedgerController_withdraw: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key and body replays the first answer; the same key with another body is a 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawDto"];
            };
        };
        responses: {
            /** @description The withdrawal and the totals after it; 409 INSUFFICIENT_AVAILABLE over what is available */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WithdrawalDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    EarningsController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's commissions as a sharer (推客), newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EarningsDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    EarningsController_withdraw: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key and body replays the first answer; the same key with another body is a 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawEarningsDto"];
            };
        };
        responses: {
            /** @description The withdrawal and the totals after it; 409 INSUFFICIENT_AVAILABLE over what is available */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EarningsWithdrawalDto"];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    EarningsController_sharers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shopId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who sells for the shop, by GMV (owner only) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SharerRowDto"][];
                };
            };
            /** @description An error: {statusCode, error, message, code} */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
}
