// A deliberately wrong include: the domain core reaching up into the HTTP layer. CTest runs
// scripts/check-layers on this folder and expects it to refuse this line.
#pragma once

#include "core/money.h"
#include "http/api.h"
