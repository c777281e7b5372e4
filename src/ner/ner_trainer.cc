#include "ner/ner_trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <unordered_map>

#include "ner/iob2.h"
#include "tag/perceptron_trainer.h"

namespace dateline {
namespace {

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.4f", v);
  return buf;
}

double DevF1(const NerTagger& tagger, const Document& dev) {
  Document sys = dev;
  tagger.TagDocument(&sys);
  auto scores = EvaluateNer(dev, sys);
  return scores.ok() ? scores->all.F1() : 0.0;
}

}  // namespace

StatusOr<NerModel> TrainNer(const Document& train, const Document* dev, const Gazetteer* gazetteer,
                            const NerTrainOptions& options, std::ostream* log) {
  const auto t0 = std::chrono::steady_clock::now();
  NerModel model;
  model.uses_pos = options.uses_pos;
  model.uses_document = options.document;
  if (gazetteer) {
    model.gazetteer = options.gazetteer_name.empty() ? "gazetteer" : options.gazetteer_name;
    model.gazetteer_fingerprint = gazetteer->fingerprint();
    model.gazetteer_tsv = gazetteer->tsv();
  }
  if (options.clusters) {
    model.clusters_name = options.clusters_name.empty() ? "clusters" : options.clusters_name;
    model.clusters_payload = options.clusters->Payload();
  }
  if (options.wordnet) {
    model.wordnet_words = options.wordnet->lemmas;
    model.wordnet_classes = options.wordnet->classes;
  }
  // Words seen lowercase inside sentences often enough: a capitalised form of one of them is less
  // likely a name.
  {
    std::unordered_map<std::string, uint32_t> lower_counts;
    for (const Sentence& s : train.sentences) {
      for (size_t i = 1; i < s.tokens.size(); ++i) {
        const std::string& w = s.tokens[i].text;
        bool letters = false, all_lower = true;
        for (unsigned char c : w) {
          letters |= c >= 'a' && c <= 'z';
          all_lower &= !(c >= 'A' && c <= 'Z');
        }
        if (letters && all_lower) ++lower_counts[w];
      }
    }
    for (const auto& [w, c] : lower_counts) {
      if (c >= options.min_lower_count) model.lower_words.push_back(w);
    }
    std::sort(model.lower_words.begin(), model.lower_words.end());
  }
  std::map<std::string, int> ids;
  ids["O"] = 0;
  for (const Sentence& s : train.sentences) {
    for (const Token& t : s.tokens) ids.emplace(t.ner.empty() ? "O" : t.ner, 0);
  }
  for (auto& [name, id] : ids) {
    id = static_cast<int>(model.labels.size());
    model.labels.push_back(name);
  }
  if (model.labels.size() > 64) return Status::InvalidArgument("too many NER labels");
  const int nc = static_cast<int>(model.labels.size());
  struct Item {
    std::vector<NerTokenInfo> info;
    std::vector<int> gold;
  };
  std::vector<Item> items(train.sentences.size());
  std::vector<std::string_view> words, xpos;
  const NerTagger attr_tagger(model, gazetteer);  // no weights yet: computes token attributes as at run time
  for (size_t si = 0; si < train.sentences.size(); ++si) {
    const auto& toks = train.sentences[si].tokens;
    words.clear();
    xpos.clear();
    for (const Token& t : toks) {
      words.emplace_back(t.text);
      xpos.emplace_back(t.xpos);
    }
    attr_tagger.ComputeInfo(words, xpos, &items[si].info);
    for (const Token& t : toks) items[si].gold.push_back(ids[t.ner.empty() ? "O" : t.ner]);
  }
  // For each B-/I- label, the L- label that closes its entity.
  const int outside = ids["O"];
  std::vector<int> close_of(nc, outside);
  for (int c = 0; c < nc; ++c) {
    const std::string& l = model.labels[c];
    if (l[0] == 'B' || l[0] == 'I') {
      auto it = ids.find("L-" + l.substr(2));
      close_of[c] = it == ids.end() ? outside : it->second;
    }
  }
  AveragedPerceptron perceptron(static_cast<uint32_t>(nc));
  // How each word is written elsewhere in its document (a sentence with index 0 starts one).
  {
    NerDocumentWords doc_words;
    size_t begin = 0;
    while (begin < items.size()) {
      size_t end = begin + 1;
      while (end < items.size() && train.sentences[end].index != 0) ++end;
      doc_words.Clear();
      for (size_t si = begin; si < end; ++si) {
        for (size_t i = 0; i < items[si].info.size(); ++i) doc_words.Add(items[si].info[i], i == 0);
      }
      for (size_t si = begin; si < end; ++si) {
        for (size_t i = 0; i < items[si].info.size(); ++i) {
          items[si].info[i].doc = options.document ? doc_words.Code(items[si].info[i], i == 0) : 1;
        }
      }
      begin = end;
    }
  }
  // Lowercased copies of some sentences teach the model names written without capitals, as web text
  // often has them (each copy is a document of its own).
  if (options.lowercase_copies > 0) {
    std::mt19937_64 pick(options.seed ^ 0x5bd1e995u);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    std::vector<std::string> lowered;
    NerDocumentWords one;
    const size_t originals = items.size();
    for (size_t si = 0; si < originals; ++si) {
      if (u(pick) >= options.lowercase_copies) continue;
      const auto& toks = train.sentences[si].tokens;
      lowered.clear();
      words.clear();
      xpos.clear();
      for (const Token& t : toks) {
        std::string w = t.text;
        for (char& c : w) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        lowered.push_back(std::move(w));
        xpos.emplace_back(t.xpos);
      }
      for (const std::string& w : lowered) words.emplace_back(w);
      Item copy;
      attr_tagger.ComputeInfo(words, xpos, &copy.info);
      copy.gold = items[si].gold;
      one.Clear();
      for (size_t i = 0; i < copy.info.size(); ++i) one.Add(copy.info[i], i == 0);
      for (size_t i = 0; i < copy.info.size(); ++i) {
        copy.info[i].doc = options.document ? one.Code(copy.info[i], i == 0) : 1;
      }
      items.push_back(std::move(copy));
    }
  }
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::vector<float> scores(nc);
  std::vector<int> pred;
  NerFeatureBuffer fb;
  auto snapshot = [&]() {
    NerModel m = model;  // everything but the weights is set by now
    m.weights = perceptron.Average(options.prune, options.min_updates);
    return m;
  };
  // One perceptron pass over a sentence, decoding greedily as the tagger does.
  // Word dropout: some tokens lose their word-identity features for one pass, so that the model also
  // learns to find names from shape, affixes and context (most names in new text are unseen).
  const uint64_t kUnknown = HashBytes("<unk>");
  std::uniform_real_distribution<float> coin(0.0f, 1.0f);
  std::vector<NerTokenInfo> dropped;
  auto train_sentence = [&](const Item& item) {
    dropped = item.info;
    for (NerTokenInfo& t : dropped) {
      if (options.word_dropout > 0 && coin(rng) < options.word_dropout) t.form = t.lower = kUnknown;
    }
    const Item it{dropped, item.gold};
    const int n = static_cast<int>(it.info.size());
    const int sentence_case = NerSentenceCase(it.info.data(), n);
    pred.assign(n, 0);
    for (int i = 0; i < n; ++i) {
      fb.Clear();
      const int prev = i > 0 ? pred[i - 1] : -1;
      NerFeatures(it.info.data(), n, i, prev, i > 1 ? pred[i - 2] : -1, model.uses_pos, sentence_case, &fb);
      std::fill(scores.begin(), scores.end(), 0.0f);
      perceptron.Score(fb.f, fb.n, scores.data());
      int best = -1;
      for (int c = 0; c < nc; ++c) {
        if (!BilouAllowed(model.labels, prev, c)) continue;
        if (best < 0 || scores[c] > scores[best]) best = c;
      }
      // When the gold label cannot follow the predicted history, learn the best reachable one instead:
      // close an open entity (L-) or stay outside (O).
      int truth = it.gold[i];
      if (!BilouAllowed(model.labels, prev, truth)) {
        truth = outside;
        if (prev >= 0 && (model.labels[prev][0] == 'B' || model.labels[prev][0] == 'I')) {
          truth = close_of[prev];
        }
      }
      perceptron.Update(fb.f, fb.n, static_cast<uint32_t>(truth), static_cast<uint32_t>(best));
      perceptron.Tick();
      pred[i] = best;
    }
  };
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t si : order) train_sentence(items[si]);
    if (log) {
      *log << "ner epoch " << epoch << ": features " << perceptron.num_features();
      if (dev && (epoch % 2 == 0 || epoch == options.epochs)) {
        NerTagger tagger(snapshot(), gazetteer);
        *log << "; dev F1 " << Fmt(DevF1(tagger, *dev));
      }
      *log << std::endl;
    }
  }
  NerModel final_model = snapshot();
  model.weights = std::move(final_model.weights);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ModelManifest& m = model.manifest;
  m.kind = "ner";
  m.format_version = kNerFormatVersion;
  m.Set("code_version", DATELINE_VERSION);
  m.Set("corpus", options.corpus);
  m.Set("licence", options.licence);
  m.Set("params", "epochs=" + std::to_string(options.epochs) + " seed=" + std::to_string(options.seed) +
                      " prune=" + Fmt(options.prune) + " uses_pos=" + (options.uses_pos ? "1" : "0") +
                      " min_updates=" + std::to_string(options.min_updates) +
                      " min_lower_count=" + std::to_string(options.min_lower_count) +
                      " lowercase_copies=" + Fmt(options.lowercase_copies) +
                      " word_dropout=" + Fmt(options.word_dropout) + " document=" + (options.document ? "1" : "0"));
  m.Set("features",
        "feature set 2: lower form shape long-shape suf1-4 pre1-4 w-2..w+2 shape-2..+2 shape and "
        "word pairs prev labels capitalisation sentence-case lowercase-vocabulary sentence-initial xpos "
        "context gazetteer codes; format 3: word-cluster path prefixes (the clusters file's "
        "lengths) and whole paths of the word and its neighbours, WordNet noun class of the word, "
        "its neighbours and its capitalised run");
  m.Set("lower_words", std::to_string(model.lower_words.size()));
  m.Set("gazetteer", model.gazetteer.empty() ? "none" : model.gazetteer);
  if (options.clusters) {
    const std::string corpus = options.clusters->manifest().Get("corpus");
    m.Set("clusters", model.clusters_name + " (" + std::to_string(options.clusters->size()) + " words" +
                          (corpus.empty() ? "" : "; " + corpus) + ")");
  } else {
    m.Set("clusters", "none");
  }
  m.Set("wordnet", options.wordnet ? "WordNet 3.0 noun lexicographer files (" +
                                         std::to_string(model.wordnet_words.size()) + " lemmas)"
                                   : "none");
  m.Set("labels", std::to_string(nc));
  m.Set("weights", std::to_string(model.weights.num_weights()));
  char secs_buf[32];
  std::snprintf(secs_buf, sizeof(secs_buf), "%.2f", secs);
  m.Set("train_seconds", secs_buf);
  NerTagger tagger(model, gazetteer);
  if (dev) m.Set("dev_f1", Fmt(DevF1(tagger, *dev)));
  const Document& src = dev ? *dev : train;
  for (size_t i = 0; i < src.sentences.size() && model.self_tests.size() < 5; ++i) {
    Sentence s = src.sentences[i];
    if (s.tokens.size() < 5) continue;
    tagger.Tag(&s);
    SelfTest t;
    for (const Token& tok : s.tokens) {
      t.words.push_back(tok.text + "\t" + tok.xpos);
      t.expected.push_back(tok.ner);
    }
    model.self_tests.push_back(std::move(t));
  }
  return model;
}

}  // namespace dateline
