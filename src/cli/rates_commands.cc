// `fmsledger rates ...`: exchange rates recorded in the ledger — import a rate file (CSV,
// docs/formats/exchange-rates.md), list the recorded points, show the rate on a date.
#include <cctype>
#include <iostream>

#include "base/file_bytes.h"
#include "base/short_hash.h"
#include "cli/session.h"
#include "io/exchange_rates_csv.h"
#include "ledger/rate_book.h"
#include "query/finance.h"
#include "report/rate_list.h"
#include "report/table.h"

namespace fms::cli {
namespace {

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// "usd/jpy" -> "USD/JPY", checked to be a currency pair.
Result<std::string> pair_option(const std::string& text) {
  std::string pair = upper(text);
  auto parsed = ledger::parse_rate_pair(pair);
  if (!parsed.ok()) return parsed.error().at_field("pair");
  return pair;
}

std::optional<std::string> optional_text(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

Result<ledger::RatesInScope> rates_read(Session& session, const Options& options,
                                        const std::string& organisation) {
  FMS_ASSIGN_OR_RETURN(ledger::Scope scope, session.access->host_scope(options.actor));
  return query::rates(session.reader(), scope, optional_text(organisation));
}

}  // namespace

void add_rates_commands(CommandContext context) {
  CLI::App& app = context.app;
  Options& options = context.options;
  int& code = context.code;
  auto run = [&code](auto&& body) { return [&code, body] { code = body(); }; };
  // Option values are static: CLI11 fills them while parsing, after this function has returned.

  auto* rates = app.add_subcommand("rates", "Exchange rates recorded in the ledger");
  rates->require_subcommand(1);
  rates->fallthrough();

  static std::string import_path;
  static std::string import_organisation;
  auto* import_command = rates->add_subcommand(
      "import", "Record a file of published exchange rates (docs/formats/exchange-rates.md)");
  import_command->add_option("file", import_path, "The CSV file: date,pair,rate,source")
      ->required();
  import_command->add_option("--organisation", import_organisation,
                             "Into this organisation's own series (default: the shared one)");
  import_command->callback(run([&] {
    auto file = base::FileBytes::read(import_path, io::kMaxExchangeRateFileBytes);
    if (!file.ok()) return fail(file.error());
    return with_session(options, false, [&](Session& session) {
      auto scope = session.access->host_scope(options.actor);
      if (!scope.ok()) return fail(scope.error());
      auto outcome = session.ledger->import_rates(file->text(), import_path,
                                                  optional_text(import_organisation), *scope);
      if (!outcome.ok()) return fail(outcome.error());
      if (options.json) {
        print_json({{"recorded", outcome->recorded},
                    {"document_id", outcome->content_hash},
                    {"points", outcome->points},
                    {"new_points", outcome->new_points},
                    {"message", outcome->message}});
      } else {
        std::cout << outcome->message << "\n";
      }
      return 0;
    });
  }));

  static std::string list_pair;
  static std::string list_as_of;
  static std::string list_organisation;
  auto* list = rates->add_subcommand("list", "The recorded rates, by pair and date");
  list->add_option("--organisation", list_organisation,
                   "The rates this organisation reads (default: the shared series)");
  list->add_option("--pair", list_pair, "Only this pair, e.g. USD/JPY");
  list->add_option("--as-of", list_as_of, "Only rates dated on or before this date");
  list->callback(run([&] {
    std::optional<std::string> pair;
    if (!list_pair.empty()) {
      auto parsed = pair_option(list_pair);
      if (!parsed.ok()) return fail(parsed.error());
      pair = *parsed;
    }
    std::optional<CivilDate> as_of;
    if (!list_as_of.empty()) {
      auto date = parse_date_option(list_as_of, "--as-of");
      if (!date.ok()) return fail(date.error());
      as_of = *date;
    }
    return with_session(options, false, [&](Session& session) {
      auto read = rates_read(session, options, list_organisation);
      if (!read.ok()) return fail(read.error());
      const ledger::RateBook& book = read->book();
      report::Table table(
          {{"Date"}, {"Pair"}, {"Rate", report::Align::right}, {"Source"}, {"Document"}});
      for (const ledger::RecordedRate& rate : book.points(pair, as_of)) {
        const ledger::RatesDocument& document = book.documents()[rate.document];
        table.add_row({rate.point.date.to_string(), rate.pair, rate.point.rate.to_string(),
                       rate.point.source, base::short_hash(document.content_hash)});
      }
      if (options.json) {
        print_json({{"rates", report::rate_list_json(book, pair, as_of)}});
      } else if (table.empty()) {
        std::cout << "No exchange rates recorded" << (pair ? " for " + *pair : std::string())
                  << (as_of ? " dated on or before " + as_of->to_string() : std::string()) << ".\n";
      } else {
        std::cout << table.render();
      }
      return 0;
    });
  }));

  static std::string show_pair;
  static std::string show_date;
  static std::string show_organisation;
  auto* show =
      rates->add_subcommand("show", "The rate on a date: the latest recorded on or before it");
  show->add_option("--organisation", show_organisation,
                   "The rate this organisation reads (default: the shared series)");
  show->add_option("--pair", show_pair, "The pair, e.g. USD/JPY")->required();
  show->add_option("--date", show_date, "The date (YYYY-MM-DD)")->required();
  show->callback(run([&] {
    auto pair = pair_option(show_pair);
    if (!pair.ok()) return fail(pair.error());
    auto date = parse_date_option(show_date, "--date");
    if (!date.ok()) return fail(date.error());
    return with_session(options, false, [&](Session& session) {
      auto read = rates_read(session, options, show_organisation);
      if (!read.ok()) return fail(read.error());
      const ledger::RateBook& book = read->book();
      if (options.json) {
        auto shown = report::rate_on_json(book, *pair, *date);
        if (!shown.ok()) return fail(shown.error());
        print_json(*shown);
        return 0;
      }
      auto point = book.on(*pair, *date);
      if (!point.ok()) return fail(point.error());
      const ledger::RecordedRate* recorded = book.recorded(*pair, point->date);
      const ledger::RatesDocument& document = book.documents()[recorded->document];
      std::cout << *pair << " on " << date->to_string() << ": " << point->rate.to_string()
                << " (point of " << point->date.to_string() << ", source " << point->source
                << "; document " << base::short_hash(document.content_hash) << ", "
                << document.source << ")\n";
      return 0;
    });
  }));
}

}  // namespace fms::cli
