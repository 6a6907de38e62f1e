// Package app builds lib gates and answers them with look: the chain, the
// loop and the lookup are in three packages.
package app

import (
	"net/http"

	"chain/split/lib"
	"chain/split/look"
)

var web = &lib.Gate{Schemes: []lib.Scheme{lib.Cookie{}, lib.Basic{}}} // want `Cookie is challenge-less but sits first, where the failure answer takes its challenge \(Challenge is asked at look.go:\d+\)`

var api = &lib.Gate{Schemes: []lib.Scheme{lib.Basic{}, lib.Cookie{}}} // silent: the bearing scheme is asked

// Handler guards h with both gates.
func Handler(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if look.Guard(web, w, r) && look.Guard(api, w, r) {
			h.ServeHTTP(w, r)
		}
	})
}

// Registries built with functional options: the schemes are the options'
// arguments, in order.
var (
	optionsBad  = lib.NewRegistry(lib.WithScheme(lib.Cookie{}), lib.WithName("web"), lib.WithScheme(lib.Basic{})) // want `Cookie is challenge-less but sits first`
	optionsGood = lib.NewRegistry(lib.WithScheme(lib.Basic{}), lib.WithScheme(lib.Cookie{}))                      // silent: the bearing scheme is asked
	optionsNone = lib.NewRegistry(lib.WithName("a"), lib.WithName("b"))                                           // silent: no scheme
)
