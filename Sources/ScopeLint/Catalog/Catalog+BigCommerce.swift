// The BigCommerce scope catalog, as data. Source: shared/reference/bigcommerce-scopes.md
// (BigCommerce's "Guide to API accounts", section "OAuth scopes", 2026-04, and its per-API
// reference specs). Order is the control panel's order. No logic lives here.

extension Catalog {
    /// Parameters present on every token and never shown in the UI: webhooks
    /// (`store_v2_default`) and, on app tokens, the installing user's profile.
    static let bigCommerceImplicitParameters: Set<String> = ["store_v2_default", "users_basic_information"]

    // Labels the control panel has used for the top level of single-level scopes
    // (bigcommerce/docs pull request 915), accepted as spellings of that level.
    private static let grantLabels = ["modify", "create", "get", "token login", "generate tokens", "login", "manage"]

    private static func readModify(
        _ name: String, _ read: String, _ modify: String, aliases: [String] = [], modifySpellings: [String] = [],
        parameterAliases: [(String, Int)] = [], note: String? = nil
    ) -> Entry {
        Entry(
            name: name, kind: .store,
            levels: [
                ScopeLevel("none"), ScopeLevel("read-only", read),
                ScopeLevel("modify", modify, spellings: modifySpellings),
            ], nameAliases: aliases, parameterAliases: parameterAliases, note: note)
    }

    private static func single(
        _ name: String, _ label: String, _ parameter: String, aliases: [String] = [], note: String? = nil
    ) -> Entry {
        Entry(
            name: name, kind: .store,
            levels: [ScopeLevel("none"), ScopeLevel(label, parameter, spellings: grantLabels.filter { $0 != label })],
            nameAliases: aliases, parameterAliases: [], note: note)
    }

    /// One checkbox of an account-level resource: "Account Users (write)", levels none and
    /// write. The resource's own names (`aliases`, on its first permission) read a level as the
    /// permission of that name, so `"Account Users": "delete"` is Account Users (delete).
    /// `accountLevelAliases` do so only on account-level accounts: "Checkouts" is a store scope
    /// elsewhere, and "Users" or "Stores" are words of every guide's prose, which the text reader
    /// must not take for scope names.
    private static func permission(
        _ resource: String, _ permission: String, _ parameter: String, spellings: [String] = [],
        aliases: [String] = [], accountLevelAliases: [String] = []
    ) -> Entry {
        let read = permission == "read" ? ["read-only", "view"] : []
        return Entry(
            name: "\(resource) (\(permission))", kind: .account,
            levels: [ScopeLevel("none"), ScopeLevel(permission, parameter, spellings: spellings + read)],
            nameAliases: aliases, parameterAliases: [], note: nil, group: resource,
            accountLevelAliases: accountLevelAliases)
    }

    static let bigCommerceEntries: [Entry] = [
        readModify("Content", "store_v2_content_read_only", "store_v2_content"),
        readModify(
            "Checkout Content", "store_content_checkout_read_only", "store_content_checkout",
            parameterAliases: [("store_checkout_content_read_only", 1), ("store_checkout_content", 2)]),
        readModify("Customers", "store_v2_customers_read_only", "store_v2_customers"),
        single(
            "Customers Login", "login", "store_v2_customers_login", aliases: ["Customer Login"],
            note: "the docs call the level \"modify\"; the control panel shows \"login\""),
        readModify(
            "Information & Settings", "store_v2_information_read_only", "store_v2_information", aliases: ["Information"]
        ),
        readModify("Marketing", "store_v2_marketing_read_only", "store_v2_marketing"),
        readModify("Orders", "store_v2_orders_read_only", "store_v2_orders"),
        readModify(
            "Order Transactions", "store_v2_transactions_read_only", "store_v2_transactions", aliases: ["Transactions"]),
        single(
            "Create Payments", "create", "store_payments_access_token_create",
            aliases: ["Payments - Create payments", "Payments"],
            note: "the docs call the level \"modify\"; the control panel shows \"create\""),
        Entry(
            name: "Get Payment Methods", kind: .store,
            levels: [
                ScopeLevel("none"), ScopeLevel("read-only", "store_payments_methods_read", spellings: ["get", "read"]),
            ],
            nameAliases: ["Payments - Get accepted methods", "Get Accepted Payment Methods"], parameterAliases: [],
            note: nil),
        readModify(
            "Stored Payment Instruments", "store_stored_payment_instruments_read_only",
            "store_stored_payment_instruments"),
        readModify("Products", "store_v2_products_read_only", "store_v2_products", aliases: ["Catalog"]),
        readModify("Themes", "store_themes_read_only", "store_themes_manage", modifySpellings: ["manage"]),
        readModify("Carts", "store_cart_read_only", "store_cart", aliases: ["Cart"]),
        readModify(
            "Checkouts", "store_checkout_read_only", "store_checkout", aliases: ["Checkout"],
            parameterAliases: [("store_checkouts_read_only", 1), ("store_checkouts", 2)]),
        readModify("Sites & Routes", "store_sites_read_only", "store_sites"),
        readModify("Channel Settings", "store_channel_settings_read_only", "store_channel_settings"),
        readModify("Channel Listings", "store_channel_listings_read_only", "store_channel_listings"),
        single(
            "Storefront API Tokens", "manage", "store_storefront_api",
            note: "the docs call the level \"modify\"; the control panel shows \"manage\""),
        single("Storefront API Customer Impersonation Tokens", "manage", "store_storefront_api_customer_impersonation"),
        Entry(
            name: "Store Logs", kind: .store,
            levels: [ScopeLevel("none"), ScopeLevel("read-only", "store_logs_read_only", spellings: ["get", "read"])],
            nameAliases: ["Logs"], parameterAliases: [], note: nil),
        readModify("Store Locations", "store_locations_read_only", "store_locations", aliases: ["Locations"]),
        readModify("Store Inventory", "store_inventory_read_only", "store_inventory", aliases: ["Inventory"]),
        readModify(
            "Fulfillment Methods", "store_fulfillment_methods_read_only", "store_fulfillment_methods_manage",
            modifySpellings: ["manage"]),
        readModify(
            "Order Fulfillment", "store_order_fulfillment_read_only", "store_order_fulfillment_manage",
            modifySpellings: ["manage"]),
        readModify(
            "Store Translations", "store_translations_read_only", "store_translations", aliases: ["Translations"]),
        // docs/b2b-edition/authentication/hosted-auth.mdx ("Create a V3 Token with the B2B Edition
        // scope set to `modify`"; since 2025-09-30 X-Auth-Token with X-Store-Hash authorizes the
        // B2B Management V3 API) and docs/b2b-edition/about/index.mdx. Neither page nor
        // api-accounts.mdx (bigcommerce/docs 24f580c) prints its OAuth parameter, so none is made up.
        Entry(
            name: "B2B Edition", kind: .store,
            levels: [ScopeLevel("none"), ScopeLevel("modify", nil, spellings: ["manage"], parameterUnpublished: true)],
            nameAliases: [], parameterAliases: [],
            note:
                "authorizes the B2B Management V3 API (X-Auth-Token with X-Store-Hash); only stores with B2B Edition offer it; BigCommerce's docs do not publish its OAuth parameter, so name it (\"B2B Edition\": \"modify\") rather than list a parameter"
        ),
        // api-accounts.mdx: "Manage App Extensions; requires an app-level API account".
        Entry(
            name: "App Extensions", kind: .store,
            levels: [
                ScopeLevel("none"),
                ScopeLevel("manage", "store_app_extensions_manage", spellings: grantLabels.filter { $0 != "manage" }),
            ],
            nameAliases: [], parameterAliases: [], note: "granted to app-level accounts only", appOnly: true),
        single("Metafield Ownership", "manage", "store_metafield_change_owner"),
        Entry(
            name: "Metafields Access", kind: .store,
            levels: [
                ScopeLevel("standard", "store_metafield_write", spellings: ["none", "default"]),
                ScopeLevel("full", "store_metafield_write_all", spellings: ["all", "modify"]),
            ],
            nameAliases: [], parameterAliases: [],
            note: "standard (the default) reaches the account's own metafields; full reaches every account's"),
        Entry(
            name: "Infrastructure Deployments", kind: .store,
            levels: [
                ScopeLevel("none"), ScopeLevel("read-only", "store_infrastructure_deployments_read_only"),
                ScopeLevel("create preview", "store_infrastructure_deployments_create_preview"),
                ScopeLevel("manage", "store_infrastructure_deployments_manage", spellings: ["modify"]),
            ],
            nameAliases: [], parameterAliases: [], note: nil),
        Entry(
            name: "Infrastructure Projects", kind: .store,
            levels: [
                ScopeLevel("none"), ScopeLevel("read-only", "store_infrastructure_projects_read_only"),
                ScopeLevel("manage", "store_infrastructure_projects_manage", spellings: ["modify"]),
            ],
            nameAliases: [], parameterAliases: [], note: nil),
        Entry(
            name: "Infrastructure Logs", kind: .store,
            levels: [ScopeLevel("none"), ScopeLevel("read-only", "store_infrastructure_logs_read_only")],
            nameAliases: [], parameterAliases: [], note: nil),

        // Account resource scopes: account-level API accounts only. The control panel offers one
        // checkbox per permission ("you can select more than one option per resource"), so each
        // is its own scope with levels none and the permission: holding delete says nothing about
        // write, and read with delete is no conflict. api-accounts.mdx, "Account resource scopes".
        permission("Account", "read", "account_read", aliases: ["Account"]),
        permission(
            "Account Apps", "read", "account_apps_read", aliases: ["Account Apps"], accountLevelAliases: ["Apps"]),
        permission(
            "Account Checkouts", "read", "account_checkouts_read", aliases: ["Account Checkouts"],
            accountLevelAliases: ["Checkouts"]),
        permission("Account Checkouts", "create", "account_checkouts_create", spellings: ["modify"]),
        permission(
            "Account Stores", "read", "account_stores_read", aliases: ["Account Stores"],
            accountLevelAliases: ["Stores"]),
        permission(
            "Account Subscriptions", "read", "account_subscriptions_read",
            aliases: ["Account Subscriptions"], accountLevelAliases: ["Subscriptions"]),
        permission("Account Subscriptions", "cancel", "account_subscriptions_cancel", spellings: ["modify"]),
        permission(
            "Account Users", "read", "account_users_read", aliases: ["Account Users"], accountLevelAliases: ["Users"]),
        permission("Account Users", "write", "account_users_write"),
        permission("Account Users", "delete", "account_users_delete"),
    ]
}
