package nochallenge_test

import (
	"testing"

	"github.com/authchallenge/authchallenge/passes/internal/benchkit"
	"github.com/authchallenge/authchallenge/passes/nochallenge"
)

// BenchmarkNochallenge times the nochallenge pass alone on the synthetic module (see
// package benchkit): one package of each kind, the fast path, the module.
//
//	go test -run '^$' -bench . -benchmem ./passes/nochallenge
func BenchmarkNochallenge(b *testing.B) { benchkit.Bench(b, nochallenge.Analyzer) }
