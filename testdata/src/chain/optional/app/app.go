// Package app builds the chains mw.First answers with their first scheme's
// challenge.
package app

import (
	"chain/optional/authn"
	"chain/optional/mw"
)

var (
	Console = mw.First([]authn.Authenticator{authn.Cookie{}, authn.Bearer{}}) // want `Cookie is challenge-less but sits first`
	API     = mw.First([]authn.Authenticator{authn.Bearer{}, authn.Cookie{}})
	Tries   = mw.Failing([]authn.Authenticator{authn.Cookie{}, authn.Bearer{}})
)
