#pragma once
#include <filesystem>
#include <string_view>

namespace dvc::log {

enum class Level { Debug, Info, Warn, Error };

// Technician log: one line per event, to stderr and optionally a file. Callers must not pass
// personal data (names, ID numbers, dates of birth); dossier codes go through
// redactDossierCode().
void setFile(const std::filesystem::path& path);
void setMinimumLevel(Level level);
void write(Level level, std::string_view component, std::string_view message);

inline void debug(std::string_view c, std::string_view m) { write(Level::Debug, c, m); }
inline void info(std::string_view c, std::string_view m) { write(Level::Info, c, m); }
inline void warn(std::string_view c, std::string_view m) { write(Level::Warn, c, m); }
inline void error(std::string_view c, std::string_view m) { write(Level::Error, c, m); }

}  // namespace dvc::log
