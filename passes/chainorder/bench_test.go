package chainorder_test

import (
	"testing"

	"github.com/authchallenge/authchallenge/passes/chainorder"
	"github.com/authchallenge/authchallenge/passes/internal/benchkit"
)

// BenchmarkChainorder times the chainorder pass alone on the synthetic module (see
// package benchkit): one package of each kind, the fast path, the module.
//
//	go test -run '^$' -bench . -benchmem ./passes/chainorder
func BenchmarkChainorder(b *testing.B) { benchkit.Bench(b, chainorder.Analyzer) }
