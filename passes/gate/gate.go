// Package gate hands the knowledge table's one gate to drivers, which may
// not import the models' internals: which packages can matter to the
// models, and which the table already describes.
package gate

import "github.com/authchallenge/authchallenge/passes/internal/knowledge"

// EntryPoint reports whether path is a package of the knowledge table (a
// framework, net/http, gRPC): code that reaches one can answer a request or
// check credentials.
func EntryPoint(path string) bool { return knowledge.IsFramework(path) }

// Covered reports whether the table describes the package at path or the
// framework it belongs to, so that analysing it for facts is not needed.
func Covered(path string) bool { return knowledge.Covered(path) }
