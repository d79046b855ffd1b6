// `fmsledger rates ...`: exchange rates recorded in the ledger — import a rate file (CSV,
// docs/formats/exchange-rates.md), list the recorded points, show the rate on a date.
#include <cctype>
#include <iostream>

#include "base/file_bytes.h"
#include "base/short_hash.h"
#include "cli/session.h"
#include "io/exchange_rates_csv.h"
#include "ledger/money/rate_book.h"
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
  FMS_ASSIGN_OR_RETURN(ledger::Scope scope, session.database->access().host_scope(options.actor));
  return query::rates(session.reader(), scope, optional_text(organisation));
}

// The options of `rates import|list|show`.
struct RatesCommandOptions {
  std::string import_path;
  std::string import_organisation;
  std::string list_pair;
  std::string list_as_of;
  std::string list_organisation;
  std::string show_pair;
  std::string show_date;
  std::string show_organisation;
};

int run_import(const Options& options, const RatesCommandOptions& o) {
  auto file = base::FileBytes::read(o.import_path, io::kMaxExchangeRateFileBytes);
  if (!file.ok()) return fail(file.error());
  return with_session(options, false, [&](Session& session) {
    auto scope = session.database->access().host_scope(options.actor);
    if (!scope.ok()) return fail(scope.error());
    auto outcome = session.database->money().import_rates(file->text(), o.import_path,
                                                optional_text(o.import_organisation), *scope);
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
}

void print_rate_table(const ledger::RateBook& book, const std::optional<std::string>& pair,
                      const std::optional<CivilDate>& as_of) {
  report::Table table(
      {{"Date"}, {"Pair"}, {"Rate", report::Align::right}, {"Source"}, {"Document"}});
  for (const ledger::RecordedRate& rate : book.points(pair, as_of)) {
    const ledger::RatesDocument& document = book.documents()[rate.document];
    table.add_row({rate.point.date.to_string(), rate.pair, rate.point.rate.to_string(),
                   rate.point.source, base::short_hash(document.content_hash)});
  }
  if (table.empty()) {
    std::cout << "No exchange rates recorded" << (pair ? " for " + *pair : std::string())
              << (as_of ? " dated on or before " + as_of->to_string() : std::string()) << ".\n";
  } else {
    std::cout << table.render();
  }
}

int run_list(const Options& options, const RatesCommandOptions& o) {
  std::optional<std::string> pair;
  if (!o.list_pair.empty()) {
    auto parsed = pair_option(o.list_pair);
    if (!parsed.ok()) return fail(parsed.error());
    pair = *parsed;
  }
  std::optional<CivilDate> as_of;
  if (!o.list_as_of.empty()) {
    auto date = parse_date_option(o.list_as_of, "--as-of");
    if (!date.ok()) return fail(date.error());
    as_of = *date;
  }
  return with_session(options, false, [&](Session& session) {
    auto read = rates_read(session, options, o.list_organisation);
    if (!read.ok()) return fail(read.error());
    if (options.json) {
      print_json({{"rates", report::rate_list_json(read->book(), pair, as_of)}});
    } else {
      print_rate_table(read->book(), pair, as_of);
    }
    return 0;
  });
}

int run_show(const Options& options, const RatesCommandOptions& o) {
  auto pair = pair_option(o.show_pair);
  if (!pair.ok()) return fail(pair.error());
  auto date = parse_date_option(o.show_date, "--date");
  if (!date.ok()) return fail(date.error());
  return with_session(options, false, [&](Session& session) {
    auto read = rates_read(session, options, o.show_organisation);
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
              << "; document " << base::short_hash(document.content_hash) << ", " << document.source
              << ")\n";
    return 0;
  });
}

}  // namespace

void add_rates_commands(CommandContext context) {
  auto& o = context.keep<RatesCommandOptions>();
  auto* rates = context.app.add_subcommand("rates", "Exchange rates recorded in the ledger");
  rates->require_subcommand(1);
  rates->fallthrough();

  auto* import_command = context.command(
      rates, "import", "Record a file of published exchange rates (docs/formats/exchange-rates.md)",
      o, run_import);
  import_command->add_option("file", o.import_path, "The CSV file: date,pair,rate,source")
      ->required();
  import_command->add_option("--organisation", o.import_organisation,
                             "Into this organisation's own series (default: the shared one)");

  auto* list = context.command(rates, "list", "The recorded rates, by pair and date", o, run_list);
  list->add_option("--organisation", o.list_organisation,
                   "The rates this organisation reads (default: the shared series)");
  list->add_option("--pair", o.list_pair, "Only this pair, e.g. USD/JPY");
  list->add_option("--as-of", o.list_as_of, "Only rates dated on or before this date");

  auto* show = context.command(
      rates, "show", "The rate on a date: the latest recorded on or before it", o, run_show);
  show->add_option("--organisation", o.show_organisation,
                   "The rate this organisation reads (default: the shared series)");
  show->add_option("--pair", o.show_pair, "The pair, e.g. USD/JPY")->required();
  show->add_option("--date", o.show_date, "The date (YYYY-MM-DD)")->required();
}

}  // namespace fms::cli
