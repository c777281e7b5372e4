#include "tag/tagger_trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <unordered_map>

#include "tag/perceptron_trainer.h"
#include "tag/ud_eval.h"

namespace dateline {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool HasUpper(std::string_view s) {
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

void LoadWordNet(const std::string& dir, Lemmatizer* lem) {
  const std::pair<const char*, char> files[] = {{"verb.exc", 'v'}, {"noun.exc", 'n'}, {"adj.exc", 'a'},
                                                {"adv.exc", 'r'}};
  for (const auto& [file, pos] : files) {
    std::ifstream in(dir + "/" + file);
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream ls(line);
      std::string form, base;
      if (!(ls >> form >> base)) continue;
      if (form.find('_') != std::string::npos || base.find('_') != std::string::npos) continue;
      lem->wordnet.emplace(std::string(1, pos) + "\t" + form, base);
    }
  }
}

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f", v);
  return buf;
}

}  // namespace

Lemmatizer TrainLemmatizer(const Document& train, const std::string& wordnet_dir) {
  Lemmatizer lem;
  // Which XPOS keep the case of the form in their lemma.
  std::map<std::string, std::pair<int, int>> cased;  // xpos → (kept case, lowered)
  for (const Sentence& s : train.sentences) {
    for (const Token& t : s.tokens) {
      if (!HasUpper(t.text) || t.lemma.empty()) continue;
      auto& c = cased[t.xpos];
      if (HasUpper(t.lemma)) ++c.first;
      else ++c.second;
    }
  }
  for (const auto& [xpos, c] : cased) {
    if (c.first > c.second * 2 && c.first >= 20) lem.keep_case.insert(xpos);
  }
  // Suffix rules.
  std::map<std::pair<uint32_t, std::string>, uint32_t> rule_ids;
  std::unordered_map<std::string, std::unordered_map<uint32_t, int>> counts;
  for (const Sentence& s : train.sentences) {
    for (const Token& t : s.tokens) {
      if (t.lemma.empty() || t.xpos.empty()) continue;
      const std::string base = lem.Base(t.text, t.xpos);
      size_t p = 0;
      while (p < base.size() && p < t.lemma.size() && base[p] == t.lemma[p]) ++p;
      if (p == 0 && !base.empty()) continue;  // unrelated lemma: leave to the dictionary
      Lemmatizer::Rule r{static_cast<uint32_t>(base.size() - p), t.lemma.substr(p)};
      auto [it, fresh] = rule_ids.emplace(std::make_pair(r.strip, r.append), static_cast<uint32_t>(lem.rules.size()));
      if (fresh) lem.rules.push_back(r);
      for (size_t k = 0; k <= std::min<size_t>(lem.max_suffix, base.size()); ++k) {
        counts[t.xpos + "\t" + base.substr(base.size() - k)][it->second]++;
      }
    }
  }
  std::unordered_map<std::string, std::pair<uint32_t, int>> best;
  for (const auto& [key, rc] : counts) {
    std::pair<uint32_t, int> b{0, -1};
    int total = 0;
    for (const auto& [rule, n] : rc) {
      total += n;
      if (n > b.second || (n == b.second && rule < b.first)) b = {rule, n};
    }
    b.second = total;
    best[key] = b;
  }
  for (const auto& [key, b] : best) {
    size_t tab = key.find('\t');
    const bool root = key.size() == tab + 1;
    if (!root && b.second < 2) continue;
    if (!root) {
      // Keep only where the rule differs from the next shorter suffix's.
      auto parent = best.find(key.substr(0, key.size() - 1));
      if (parent != best.end() && parent->second.first == b.first) continue;
    }
    lem.suffix[key] = b.first;
  }
  LoadWordNet(wordnet_dir, &lem);
  // Exceptions: the most frequent lemma of each (base, xpos) where the rules get it wrong.
  std::unordered_map<std::string, std::unordered_map<std::string, int>> seen;
  for (const Sentence& s : train.sentences) {
    for (const Token& t : s.tokens) {
      if (t.lemma.empty() || t.xpos.empty()) continue;
      seen[lem.Base(t.text, t.xpos) + "\t" + t.xpos][t.lemma]++;
    }
  }
  std::string out;
  for (const auto& [key, lemmas] : seen) {
    std::string top;
    int n = -1;
    for (const auto& [l, c] : lemmas) {
      if (c > n || (c == n && l < top)) {
        top = l;
        n = c;
      }
    }
    size_t tab = key.rfind('\t');
    lem.ApplyRules(key.substr(0, tab), key.substr(tab + 1), &out);
    if (out != top) lem.dict[key] = top;
  }
  return lem;
}

Document TagCopy(const Tagger& tagger, const Document& gold) {
  Document sys = gold;
  for (Sentence& s : sys.sentences) tagger.Tag(&s);
  return sys;
}

StatusOr<TaggerModel> TrainTagger(const Document& train, const Document* dev, const TaggerTrainOptions& options,
                                  std::ostream* log) {
  const auto t0 = std::chrono::steady_clock::now();
  TaggerModel model;
  // Classes, tag dictionary and ambiguity classes.
  std::map<std::string, int> class_ids;
  std::unordered_map<uint64_t, std::map<int, int>> by_form, by_lower;
  std::vector<std::vector<int>> gold(train.sentences.size());
  for (size_t si = 0; si < train.sentences.size(); ++si) {
    for (const Token& t : train.sentences[si].tokens) {
      std::string c = t.upos + "\t" + t.xpos;
      auto it = class_ids.find(c);
      if (it == class_ids.end()) it = class_ids.emplace(c, 0).first;
      (void)it;
    }
  }
  if (class_ids.empty()) return Status::InvalidArgument("no training words");
  if (class_ids.size() > 256) return Status::InvalidArgument("more than 256 UPOS/XPOS pairs");
  for (auto& [name, id] : class_ids) {
    id = static_cast<int>(model.classes.size());
    model.classes.push_back(name);
  }
  for (size_t si = 0; si < train.sentences.size(); ++si) {
    for (const Token& t : train.sentences[si].tokens) {
      int c = class_ids[t.upos + "\t" + t.xpos];
      gold[si].push_back(c);
      by_form[HashBytes(t.text)][c]++;
      by_lower[HashBytes(Lower(t.text))][c]++;
    }
  }
  for (const auto& [h, cs] : by_form) {
    int total = 0, top = 0, top_c = 0;
    for (auto [c, n] : cs) {
      total += n;
      if (n > top) {
        top = n;
        top_c = c;
      }
    }
    if (total >= options.tagdict_min_count && top >= options.tagdict_min_ratio * total) {
      model.tagdict[h] = static_cast<uint16_t>(top_c);
    }
  }
  for (const auto& [h, cs] : by_lower) {
    int total = 0;
    uint64_t a = 0x1234;
    for (auto [c, n] : cs) {
      total += n;
      if (n * 20 >= 1) a = Mix(a, static_cast<uint64_t>(c));
    }
    if (total >= options.ambiguity_min_count) model.ambiguity[h] = a;
  }
  model.lemmatizer = TrainLemmatizer(train, options.wordnet_dir);

  AveragedPerceptron perceptron(static_cast<uint32_t>(model.classes.size()));
  std::vector<size_t> order(train.sentences.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::vector<TagTokenInfo> info;
  std::vector<int> pred;
  const int nc = static_cast<int>(model.classes.size());
  std::vector<float> scores(nc);
  FeatureBuffer<48> fb;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t correct = 0, total = 0;
    for (size_t si : order) {
      const auto& toks = train.sentences[si].tokens;
      const int n = static_cast<int>(toks.size());
      info.resize(n);
      for (int i = 0; i < n; ++i) info[i] = ComputeTagTokenInfo(toks[i].text, model);
      pred.assign(n, 0);
      for (int i = 0; i < n; ++i) {
        auto td = model.tagdict.find(info[i].form);
        if (td != model.tagdict.end()) {
          pred[i] = td->second;
          continue;
        }
        fb.Clear();
        TaggerFeatures(info.data(), n, i, i > 0 ? pred[i - 1] : -1, i > 1 ? pred[i - 2] : -1, &fb);
        std::fill(scores.begin(), scores.end(), 0.0f);
        perceptron.Score(fb.f, fb.n, scores.data());
        int guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        perceptron.Update(fb.f, fb.n, static_cast<uint32_t>(gold[si][i]), static_cast<uint32_t>(guess));
        perceptron.Tick();
        pred[i] = guess;
        correct += guess == gold[si][i];
        ++total;
      }
    }
    if (log) {
      *log << "tagger epoch " << epoch << ": train accuracy (non-dictionary words) "
           << Fmt(100.0 * static_cast<double>(correct) / static_cast<double>(std::max<size_t>(total, 1)));
      if (dev && (epoch == options.epochs || epoch % 3 == 0)) {
        TaggerModel snapshot;
        snapshot.classes = model.classes;
        snapshot.tagdict = model.tagdict;
        snapshot.ambiguity = model.ambiguity;
        snapshot.lemmatizer = model.lemmatizer;
        snapshot.weights = perceptron.Average(options.prune, options.min_updates);
        Tagger tagger(std::move(snapshot));
        auto scores_or = EvaluateUd(*dev, TagCopy(tagger, *dev));
        if (scores_or.ok()) *log << "; dev " << scores_or->Summary();
      }
      *log << std::endl;
    }
  }
  model.weights = perceptron.Average(options.prune, options.min_updates);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  ModelManifest& m = model.manifest;
  m.kind = "tagger";
  m.format_version = kTaggerFormatVersion;
  m.Set("code_version", DATELINE_VERSION);
  m.Set("corpus", options.corpus);
  m.Set("licence", options.licence);
  m.Set("params", "epochs=" + std::to_string(options.epochs) + " seed=" + std::to_string(options.seed) +
                      " prune=" + Fmt(options.prune) + " min_updates=" + std::to_string(options.min_updates) +
                      " tagdict_min_count=" + std::to_string(options.tagdict_min_count) +
                      " ambiguity_min_count=" + std::to_string(options.ambiguity_min_count));
  m.Set("features", "bias lower form suf1-4 pre1-3 shape w-1 w-2 w+1 w+2 t-1 t-1t-2 t-1w s3-1 s3+1 w-1w ww+1 "
                    "shape-1 shape+1 amb amb+1 amb+2 t-1amb+1 first-shape amb.amb+1 t-1s3");
  m.Set("classes", std::to_string(model.classes.size()));
  m.Set("weights", std::to_string(model.weights.num_weights()));
  m.Set("lemmatizer", "dict=" + std::to_string(model.lemmatizer.dict.size()) +
                          " rules=" + std::to_string(model.lemmatizer.suffix.size()) +
                          " wordnet=" + std::to_string(model.lemmatizer.wordnet.size()));
  m.Set("train_seconds", Fmt(secs));
  {
    Tagger tagger(model);
    if (dev) {
      auto s = EvaluateUd(*dev, TagCopy(tagger, *dev));
      if (s.ok()) {
        m.Set("dev_upos", Fmt(s->Pct(s->upos)));
        m.Set("dev_xpos", Fmt(s->Pct(s->xpos)));
        m.Set("dev_lemma", Fmt(s->Pct(s->lemma)));
      }
    }
    // Self-tests: the first sentences of dev (or train), with what this model outputs for them.
    const Document& src = dev ? *dev : train;
    for (size_t i = 0; i < src.sentences.size() && model.self_tests.size() < 5; ++i) {
      Sentence s = src.sentences[i];
      if (s.tokens.size() < 5) continue;
      tagger.Tag(&s);
      SelfTest t;
      for (const Token& tok : s.tokens) {
        t.words.push_back(tok.text);
        t.expected.push_back(tok.upos + "\t" + tok.xpos + "\t" + tok.lemma);
      }
      model.self_tests.push_back(std::move(t));
    }
  }
  return model;
}

}  // namespace dateline
