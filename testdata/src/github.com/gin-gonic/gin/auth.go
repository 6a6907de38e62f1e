package gin

func BasicAuthForRealm(accounts Accounts, realm string) HandlerFunc {
	return func(c *Context) {}
}

func BasicAuth(accounts Accounts) HandlerFunc { return func(c *Context) {} }

func BasicAuthForProxy(accounts Accounts, realm string) HandlerFunc {
	return func(c *Context) {}
}
