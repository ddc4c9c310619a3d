#pragma once
// Search as you type over the catalogue (docs/catalog.md): folded words (tones, đ, case),
// the last word as a prefix while it is being typed, typo tolerance by edit distance over the
// index's vocabulary, keywords (the words citizens use) weighted almost like the name, and a
// ranking that puts the intended procedure first. FTS5 finds the candidates; the ranking is
// computed here, from the same folded words.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalog/catalog_store.h"
#include "domain/procedure.h"

namespace dvc::catalog {

struct SearchHit {
    ProcedureSummary procedure;
    double score = 0;
};

class CatalogSearch {
  public:
    explicit CatalogSearch(CatalogStore& store);

    // Best first; empty for an empty query. `query` is what the citizen has typed so far
    // (NFC UTF-8); a trailing space means the last word is complete.
    std::vector<SearchHit> search(const std::string& query, std::size_t limit = 10);

    // Builds the ranking data for the current catalogue now (a few hundred ms for 10,000
    // procedures) so the first keystroke after a sync does not pay it; call from a worker.
    void prepare();

  private:
    struct Document {
        std::int64_t rowid = 0;
        ProcedureSummary summary;
        std::vector<int> name;
        std::vector<std::vector<int>> keywords;
        std::vector<int> field;
        std::vector<int> agency;
        std::string foldedCode;
        bool oneWordKeyword = false;  // a keyword of a single word (e.g. "PCCC", "karaoke")
    };
    struct Group;  // one query word and the vocabulary terms it may stand for

    void refreshLocked();
    int termIdLocked(const std::string& term);
    std::vector<int> idsLocked(const std::string& text);
    const std::vector<int>& fuzzyLocked(const std::string& word);
    // The words' matches alone (no phrase bonus): from the postings, for every candidate.
    void baseScoresLocked(std::vector<Group>& groups);
    double phraseBonusLocked(const Document& doc, std::vector<Group>& groups);

    CatalogStore& store_;
    std::mutex mutex_;
    std::uint64_t generation_ = 0;
    std::vector<Document> documents_;
    std::vector<std::int32_t> byRowid_;  // rowid → document index, -1 if none
    std::unordered_map<std::string, int> termIds_;
    std::vector<std::string> terms_;                        // by id
    std::vector<std::pair<std::string, int>> sortedTerms_;  // for prefix ranges
    std::unordered_map<std::string, std::vector<int>> fuzzyCache_;
    // For each term, the documents that contain it and the weight of the best column it is in.
    struct Posting {
        std::uint32_t document;
        float weight;
        std::uint8_t columns;  // kInName | kInKeyword | …
    };
    std::vector<std::vector<Posting>> postings_;
    std::vector<float> best_;            // per query: [group][document] best weighted quality
    std::vector<std::uint8_t> columns_;  // per query: [group][document] columns matched
};

// Optimal string alignment distance (insert, delete, substitute, swap two neighbours), or
// limit + 1 as soon as it must exceed limit.
int editDistance(const std::string& a, const std::string& b, int limit);

}  // namespace dvc::catalog
