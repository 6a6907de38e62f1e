// Package drfapp is a service on the drf views, with DRF's default order:
// the session first.
package drfapp

import (
	"net/http"

	"chain/drf"
)

func projects(w http.ResponseWriter, r *http.Request, u *drf.User) {}

// Routes mounts the views.
func Routes(mux *http.ServeMux) {
	mux.Handle("/projects", drf.NewAPIView(projects, drf.SessionAuthentication{}, drf.TokenAuthentication{Keyword: "Token"})) // want `^SessionAuthentication is challenge-less but sits first, where the failure answer takes its challenge \(AuthenticateHeader is asked at drf.go:\d+\): every failed request, one for TokenAuthentication \("Token"\) included, is answered without a challenge \(403 instead of 401\); put TokenAuthentication first, or take the challenge from the authenticator that failed$`
	mux.Handle("/me", drf.NewAPIView(projects, drf.TokenAuthentication{}, drf.SessionAuthentication{}))                       // silent: the bearing scheme is asked
	mux.Handle("/browse", drf.NewAPIView(projects, drf.SessionAuthentication{}))                                              // silent: one scheme
	mux.Handle("/scripts", drf.NewAPIView(projects, drf.BasicAuthentication{}, drf.TokenAuthentication{}))                    // silent: both challenge
}
