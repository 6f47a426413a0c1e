// Publication dates as written in pages, metadata and URLs, normalised to YYYY-MM-DD.
// Internal to the ingest stage. Years outside 1990..2040 are not accepted as dates.
#pragma once

#include <string>
#include <string_view>

namespace crosscheck::ingest_internal {

// A date value from metadata ("2025-04-17T09:30:00+02:00", "Thu, 17 Apr 2025 08:00:00 GMT",
// "April 17, 2025", "17.04.2025", "17 de abril de 2025"); empty when none can be read.
std::string normalize_date(std::string_view value);

// The first date written in free text (same shapes as normalize_date), empty when none.
std::string find_date_in_text(std::string_view text);

// A date in a URL path: /2025/04/17/, /2025-04-17, /20250417/; empty when none.
std::string date_from_url(std::string_view url);

}  // namespace crosscheck::ingest_internal
