package analyzer_test

import (
	"strings"

	"github.com/authchallenge/authchallenge/passes/config"
)

func directiveRules() string { return strings.Join(config.DirectiveRules(), " ") }
