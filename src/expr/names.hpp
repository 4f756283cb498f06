// Greek letters: the spelled-out ASCII name is the symbol's identity; the letter is
// accepted on input and used by the unicode and latex printers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dfdx {

/// "alpha" for U+03B1, "Gamma" for U+0393; nullopt for other code points.
std::optional<std::string_view> greek_name(char32_t letter);
/// The UTF-8 letter for a Greek name ("alpha" -> "α"); empty when not a Greek name.
std::string_view greek_letter(std::string_view name);

}  // namespace dfdx
