// Seeded randomness for the benchmark generator, identical on every platform.
//
// The generator must write byte-identical files for one seed wherever it runs. std::mt19937_64
// is specified exactly by the standard, but std::uniform_int_distribution and friends are not:
// libstdc++ and libc++ turn the same raw bits into different numbers. So only the engine's raw
// 64-bit output is used, and ranges are reduced here by rejection sampling, which is exact
// (no value of the range is favoured) and depends on nothing but the raw sequence.
#pragma once

#include <cstdint>
#include <random>

namespace fms::bench {

class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}

  // The next raw 64-bit value of the engine.
  std::uint64_t next() { return engine_(); }

  // A value in [0, bound); bound must be at least 1.
  std::uint64_t below(std::uint64_t bound) {
    // Values under `threshold` would make the low residues more likely; draw again instead.
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
      const std::uint64_t raw = engine_();
      if (raw >= threshold) return raw % bound;
    }
  }

  // A value in [low, high]; low <= high.
  std::int64_t between(std::int64_t low, std::int64_t high) {
    const auto span = static_cast<std::uint64_t>(high - low) + 1;
    return low + static_cast<std::int64_t>(below(span));
  }

  // True with probability per_mille / 1000.
  bool chance_per_mille(std::uint64_t per_mille) { return below(1000) < per_mille; }

 private:
  std::mt19937_64 engine_;
};

}  // namespace fms::bench
