// Package imports uses one import for its types and methods only, one for
// its functions and one blank: SSA is built with the first as a stand-in.
package imports

import (
	_ "embed"
	"net/http"
	"net/url"
	"strings"
)

// Target holds a URL: net/url is used for its type and its methods only.
type Target struct{ U *url.URL }

func (t *Target) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host := t.U.Hostname // a method value of an imported type
	if strings.TrimSpace(host()) == "" {
		w.WriteHeader(http.StatusUnauthorized) // want `built`
	}
	var p url.Userinfo
	_ = p.String()
}
