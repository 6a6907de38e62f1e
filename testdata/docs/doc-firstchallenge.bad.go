// Context of the firstchallenge doc's bad example: the view's type and
// its authenticators.
package example

import (
	"net/http"

	"docs/auth"
)

type View struct {
	auths []auth.Authenticator
}

//docs:example
