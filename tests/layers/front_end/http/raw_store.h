// A deliberately wrong include: a front end reaching past the ledger into the store. CTest runs
// scripts/check-layers on this folder and expects it to refuse this line.
#pragma once

#include "ledger/database.h"
#include "store/store.h"
