// Names. Greek letters: the spelled-out ASCII name is the symbol's identity; the letter
// is accepted on input and used by the unicode and latex printers. And how far apart two
// spellings are, for every "did you mean" note, and names joined into a list.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dfdx {

/// "alpha" for U+03B1, "Gamma" for U+0393; nullopt for other code points.
std::optional<std::string_view> greek_name(char32_t letter);
/// The UTF-8 letter for a Greek name ("alpha" -> "α"); empty when not a Greek name.
std::string_view greek_letter(std::string_view name);

/// Edits between a and b (insert, delete, replace), an adjacent swap counting as one:
/// "sni" is one from "sin".
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The parts with `sep` between them: join({"x", "y"}, ", ") is "x, y".
std::string join(const std::vector<std::string>& parts, std::string_view sep);

}  // namespace dfdx
