package authforbidden_test

import (
	"testing"

	"github.com/authchallenge/authchallenge/passes/authforbidden"
	"github.com/authchallenge/authchallenge/passes/internal/benchkit"
)

// BenchmarkAuthforbidden times the authforbidden pass alone on the synthetic module (see
// package benchkit): one package of each kind, the fast path, the module.
//
//	go test -run '^$' -bench . -benchmem ./passes/authforbidden
func BenchmarkAuthforbidden(b *testing.B) { benchkit.Bench(b, authforbidden.Analyzer) }
