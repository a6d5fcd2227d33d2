package dates

import (
	"regexp"
	"testing"
)

// TestExpressionsCompile compiles every expression of the package, which
// are compiled lazily (see lazyRE): a bad one fails here, not in a user's
// process.
func TestExpressionsCompile(t *testing.T) {
	named := map[string]func() *regexp.Regexp{
		"counterfactualRE": counterfactualRE, "wouldRE": wouldRE, "reportRE": reportRE,
		"riskRE": riskRE, "otherClauseRE": otherClauseRE, "conditionRE": conditionRE,
		"notConditionRE": notConditionRE, "negativeRE": negativeRE, "possibleRE": possibleRE,
		"modalRE": modalRE,
	}
	for _, r := range rules {
		named["rule "+r.name] = r.re
	}
	for name, re := range named {
		t.Run(name, func(t *testing.T) {
			if re() == nil {
				t.Fatal("nil expression")
			}
		})
	}
}
