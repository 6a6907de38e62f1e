package app

import (
	"net/http"

	"chain/auth"
	"chain/server"
)

// Handlers builds guards; server.Guard answers with its first scheme's
// challenge.
func Handlers() []http.Handler {
	// No fix where DynamicAuth (unknown) might challenge too.
	return []http.Handler{
		server.New(auth.SessionAuth{}, &auth.TokenAuth{Realm: "api"}, auth.BearerAuth{}), // want `^SessionAuth is challenge-less but sits first, where the failure answer takes its challenge \(Challenge is asked at server.go:\d+\): every failed request, one for TokenAuth \("Token realm=\\""\) included, is answered without a challenge \(403 instead of 401\); no order serves every client \(TokenAuth and BearerAuth both challenge\): take the challenge from the authenticator that failed, or join every scheme's challenge$`
		server.New(auth.BearerAuth{}, auth.SessionAuth{}),                                // silent: bearing first
		server.New(auth.SessionAuth{}, auth.APIKeyAuth{}),                                // silent: only challenge-less schemes
		server.New(&auth.TokenAuth{}, auth.BasicAuth{}),                                  // silent: only challenge-bearing schemes
		server.New(auth.DynamicAuth{}, auth.BearerAuth{}),                                // silent: the decisive scheme is unknown
		server.New(auth.SessionAuth{}, auth.DynamicAuth{}, auth.BasicAuth{}),             // want `SessionAuth is challenge-less but sits first`
		server.New(auth.SessionAuth{}),                                                   // silent: one element
		server.New(auth.APIKeyAuth{}, auth.BasicAuth{}),                                  // want `APIKeyAuth is challenge-less but sits first.*; put BasicAuth first, or take the challenge from the authenticator that failed$`
		server.New(auth.SessionAuth{}, newBearer()),                                      // silent: the bearing scheme hides behind an interface: unknown
		server.New([]auth.Authenticator{auth.BearerAuth{}}...),                           // silent: one element
		//authchallenge:ignore chainorder legacy clients depend on the 403
		server.New(auth.SessionAuth{}, auth.BasicAuth{}),
	}
}

func newBearer() auth.Authenticator { return auth.BearerAuth{} }

// Literal is a chain in a slice literal; the fix moves each element with
// its comments.
var Literal = []auth.Authenticator{
	auth.SessionAuth{}, // want `SessionAuth is challenge-less but sits first`
	auth.BasicAuth{},   // for the command-line client
}

// Commented has a comment above one element only: it cannot move exactly,
// so no fix is offered.
var Commented = []auth.Authenticator{
	auth.SessionAuth{}, // want `SessionAuth is challenge-less but sits first`
	// Basic is for the command-line client.
	auth.BasicAuth{},
}

// Guard's chain is built for the constructor: the field's consumer judges it.
var Guarded = server.New(
	auth.APIKeyAuth{}, // want `APIKeyAuth is challenge-less but sits first`
	auth.BasicAuth{},  // scripts
)

// Aligned has comments above and beside elements of different widths, and
// a blank line: the fix moves each comment with its element, keeps the
// blank line where it is, and aligns the comments beside as gofmt does.
var Aligned = []auth.Authenticator{
	// Sessions are for the browser.
	auth.SessionAuth{}, // want `SessionAuth is challenge-less but sits first`
	// API keys are for partners.
	auth.APIKeyAuth{}, // partners

	// Basic is for the command-line client.
	auth.BasicAuth{}, // scripts
}

// Wide has elements so different in width that gofmt aligns the comments
// beside them in two runs: the fix lays the runs out again.
var Wide = []auth.Authenticator{
	auth.APIKeyAuth{},  // want `APIKeyAuth is challenge-less but sits first`
	auth.SessionAuth{}, // browsers
	&auth.TokenAuth{Realm: "a realm of its own with a name long enough to break a run"}, // scripts
}

// Spread has an element over several lines with a comment beside each:
// its inner lines have an indentation of their own, so no fix is offered.
var Spread = []auth.Authenticator{
	auth.APIKeyAuth{}, // want `APIKeyAuth is challenge-less but sits first`
	&auth.TokenAuth{
		Realm: "api",
	}, // tokens
}

// Appended builds a chain with successive appends.
func Appended() []auth.Authenticator {
	var chain []auth.Authenticator
	chain = append(chain, auth.APIKeyAuth{}) // want `APIKeyAuth is challenge-less but sits first`
	chain = append(chain, &auth.TokenAuth{Realm: "x"})
	return chain
}

// NotAuthenticators are collections that look like chains.
var NotAuthenticators = []http.Handler{http.NotFoundHandler(), http.NotFoundHandler()}

var names = []string{"session", "bearer"}
