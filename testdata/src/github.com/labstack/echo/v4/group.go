package echo

type Group struct {
	host       string
	prefix     string
	echo       *Echo
	middleware []MiddlewareFunc
}

func (g *Group) Use(middleware ...MiddlewareFunc) {}

func (g *Group) CONNECT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (g *Group) HEAD(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (g *Group) OPTIONS(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (g *Group) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (g *Group) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (g *Group) TRACE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (g *Group) RouteNotFound(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (g *Group) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}

func (g *Group) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}

func (g *Group) Group(prefix string, middleware ...MiddlewareFunc) (sg *Group) {
	return &Group{prefix: g.prefix + prefix, echo: g.echo}
}

func (g *Group) Static(pathPrefix, fsRoot string) {}

func (g *Group) File(path, file string) {}

func (g *Group) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	return nil
}
