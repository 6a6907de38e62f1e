package firstchallenge_test

import (
	"testing"

	"github.com/authchallenge/authchallenge/passes/firstchallenge"
	"github.com/authchallenge/authchallenge/passes/internal/benchkit"
)

// BenchmarkFirstchallenge times the firstchallenge pass alone on the synthetic module (see
// package benchkit): one package of each kind, the fast path, the module.
//
//	go test -run '^$' -bench . -benchmem ./passes/firstchallenge
func BenchmarkFirstchallenge(b *testing.B) { benchkit.Bench(b, firstchallenge.Analyzer) }
