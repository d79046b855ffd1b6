// The two CSV files of the benchmark, written row by row from the compact portfolio rows.
#include "csv_files.h"

#include "buffered_file.h"

namespace fms::bench {
namespace {

constexpr std::string_view kBase36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kHex = "0123456789ABCDEF";
constexpr std::size_t kSerialBytes = 4;
constexpr std::size_t kCasePrefixBytes = 6;
constexpr std::size_t kDesignatorStart = 3;  // "JAP" then the designator "K00"
constexpr char kUnknownDesignatorMark = 'X';

constexpr std::string_view kDeliveriesHeader =
    "document_number,case_id,line,ship_date,quantity,value_usd,delivery_term_code,tcn,"
    "reporting_quarter_end\n";
constexpr std::string_view kReceiptsHeader =
    "receipt_id,document_number,case_id,line,received_date,quantity_received,quantity_accepted,"
    "quantity_rejected,condition,inspector\n";

// A transportation control number is 17 characters: "F" and 16 hexadecimal digits here.
void append_tcn(BufferedFile& out, std::uint64_t bits) {
  char tcn[17];
  tcn[0] = 'F';
  for (std::size_t i = 0; i < 16; ++i) tcn[16 - i] = kHex[(bits >> (4 * i)) & 0xFU];
  out.append(std::string_view(tcn, sizeof tcn));
}

}  // namespace

std::array<char, kDocumentNumberBytes> document_number(const BenchCase& bench_case,
                                                       std::string_view julian_date,
                                                       std::uint32_t serial, bool unknown) {
  std::array<char, kDocumentNumberBytes> number{};
  for (std::size_t i = 0; i < kCasePrefixBytes; ++i) number[i] = bench_case.document_prefix[i];
  if (unknown) number[kDesignatorStart] = kUnknownDesignatorMark;
  for (std::size_t i = 0; i < julian_date.size(); ++i)
    number[kCasePrefixBytes + i] = julian_date[i];
  for (std::size_t i = 0; i < kSerialBytes; ++i) {
    number[kDocumentNumberBytes - 1 - i] = kBase36[serial % 36];
    serial /= 36;
  }
  return number;
}

std::string receipt_id(std::size_t position, std::size_t receipt_count) {
  std::size_t width = kReceiptIdDigits;
  for (std::size_t capacity = 10'000'000; capacity < receipt_count; capacity *= 10) ++width;
  std::string digits = std::to_string(position);
  return "R" + std::string(width > digits.size() ? width - digits.size() : 0, '0') + digits;
}

Status write_deliveries_csv(const std::string& path, const Portfolio& portfolio,
                            const CalendarTable& calendar) {
  BufferedFile out(path);
  out.append(kDeliveriesHeader);
  for (const DeliveryRow& row : portfolio.deliveries) {
    const BenchLine& line = portfolio.lines[row.line_index];
    const BenchCase& bench_case = portfolio.cases[line.case_index];
    const auto number =
        document_number(bench_case, calendar.julian(row.ship_date), row.serial, false);
    out.append(std::string_view(number.data(), number.size()));
    out.append(',');
    out.append(bench_case.case_id);
    out.append(',');
    out.append(line.number);
    out.append(',');
    out.append(calendar.iso(row.ship_date));
    out.append(',');
    out.append_int(row.quantity);
    out.append(',');
    out.append_cents(row.value_cents);
    out.append(',');
    out.append(line.delivery_term_code);
    out.append(',');
    if (row.tcn_bits != 0) append_tcn(out, row.tcn_bits);
    out.append(',');
    out.append(calendar.iso(row.reporting_quarter_end));
    out.append('\n');
  }
  return out.close();
}

Status write_receipts_csv(const std::string& path, const Portfolio& portfolio,
                          const CalendarTable& calendar) {
  BufferedFile out(path);
  out.append(kReceiptsHeader);
  const std::size_t count = portfolio.receipts.size();
  for (std::size_t position = 0; position < count; ++position) {
    const ReceiptRow& row = portfolio.receipts[position];
    const BenchLine& line = portfolio.lines[row.line_index];
    out.append(receipt_id(position, count));
    out.append(',');
    if (row.marking != ReceiptMarking::none) {
      const auto number =
          document_number(portfolio.cases[row.document_case], calendar.julian(row.document_date),
                          row.document_serial, row.marking == ReceiptMarking::unknown);
      out.append(std::string_view(number.data(), number.size()));
    }
    out.append(',');
    out.append(portfolio.cases[line.case_index].case_id);
    out.append(',');
    out.append(line.number);
    out.append(',');
    out.append(calendar.iso(row.received_date));
    out.append(',');
    out.append_int(row.quantity_received);
    out.append(',');
    out.append_int(row.quantity_received - row.quantity_rejected);
    out.append(',');
    out.append_int(row.quantity_rejected);
    out.append(',');
    if (row.condition != 0) out.append(kConditionRemarks[row.condition - 1U]);
    out.append(',');
    out.append(kInspectors[row.inspector]);
    out.append('\n');
  }
  return out.close();
}

}  // namespace fms::bench
