// Package authz decides what an authenticated user may do: its error is
// an authorisation decision, which 403 answers.
package authz

import "authforbidden/basemap/apierr"

var admins = map[string]bool{}

// Admin allows admins only.
func Admin(user string) error {
	if !admins[user] {
		return apierr.ErrForbidden
	}
	return nil
}

// Owner allows the owner only, with the service's error kind for a denial.
func Owner(user, owner string) error {
	if user != owner {
		return &apierr.Error{Kind: apierr.KindDenied}
	}
	return nil
}
