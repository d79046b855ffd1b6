// A deliberately wrong include: the cases subject reaching up into money, which sits above it
// (money supplies the appropriation guard instead). CTest runs scripts/check-layers on this
// folder and expects it to refuse this line.
#pragma once

#include "ledger/cases/case_state.h"
#include "ledger/money/money_book.h"
