// Package drffixedapp keeps DRF's order on the corrected views: silent.
package drffixedapp

import (
	"net/http"

	"chain/drffixed"
)

func projects(w http.ResponseWriter, r *http.Request, u *drffixed.User) {}

// Routes mounts the views.
func Routes(mux *http.ServeMux) {
	mux.Handle("/projects", drffixed.NewAPIView(projects, drffixed.SessionAuthentication{}, drffixed.TokenAuthentication{}))
	mux.Handle("/list", drffixed.NewAPIView(projects, []drffixed.Authenticator{drffixed.SessionAuthentication{}, drffixed.TokenAuthentication{}}...))
}
