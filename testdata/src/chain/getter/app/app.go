// Package app builds chains that guard.Guard answers with their last
// scheme's challenge: the order of NewChain's arguments matters.
package app

import (
	"net/http"

	"chain/getter/auth"
	"chain/getter/guard"
)

// Handlers wires the chains.
func Handlers() []http.Handler {
	partners := auth.NewChain(auth.Bearer{}, auth.Key{}) // want `Key is challenge-less but sits last`
	internal := auth.NewChain(auth.Key{}, auth.Bearer{})
	return []http.Handler{guard.Guard(partners, http.NotFoundHandler()), guard.Guard(internal, http.NotFoundHandler())}
}
