// Context of the chainorder doc's examples: the routes of a service whose
// View (docs/view, laid out as Django REST Framework's APIView) tries its
// authenticators in ServeHTTP and asks v.auths[0] for the challenge in
// another method, with the schemes of docs/auth.
package example

import (
	"net/http"

	. "docs/auth"
	. "docs/view"
)

func Routes(projects http.Handler) *http.ServeMux {
	mux := http.NewServeMux()
	//docs:example
	return mux
}

var _ = BearerAuth{}
