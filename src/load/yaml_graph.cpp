// SPDX-License-Identifier: MIT
// The nodes of each YAML document as yaml-cpp's parser reports them, without YAML::Node's tree.
#include "load/yaml_graph.hpp"

#include <yaml-cpp/parser.h>

#include <sstream>

namespace closeplan::load::detail {

namespace {

// Mirrors YAML::NodeBuilder (what LoadAll uses): a node is created at its
// event with that event's mark, an anchor names the node created with it, an
// alias adds the anchored node again, and anchors start afresh in each document.
class graph_builder final : public YAML::EventHandler {
public:
    graph_builder(std::vector<yaml_document>& documents, YAML::EventHandler* watcher)
        : documents_(documents), watcher_(watcher) {}

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (watcher_) watcher_->OnDocumentStart(mark);
        documents_.emplace_back();
        open_.clear();
        anchors_.assign(1, yaml_document::no_node);  // anchor ids start at 1
    }
    void OnDocumentEnd() override {
        if (watcher_) watcher_->OnDocumentEnd();
    }

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        if (watcher_) watcher_->OnNull(mark, anchor);
        add(mark, anchor, yaml_graph_node::kind::null, {});
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        if (watcher_) watcher_->OnAlias(mark, anchor);
        // The parser has already refused an alias to an undefined anchor.
        place(anchor < anchors_.size() ? anchors_[anchor] : yaml_document::no_node);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        if (watcher_) watcher_->OnScalar(mark, tag, anchor, value);
        auto& node = add(mark, anchor, yaml_graph_node::kind::scalar, tag);
        node.scalar = value;
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        if (watcher_) watcher_->OnSequenceStart(mark, tag, anchor, style);
        add(mark, anchor, yaml_graph_node::kind::sequence, tag);
        open_.push_back(document().nodes.size() - 1);
    }
    void OnSequenceEnd() override {
        if (watcher_) watcher_->OnSequenceEnd();
        close();
    }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        if (watcher_) watcher_->OnMapStart(mark, tag, anchor, style);
        add(mark, anchor, yaml_graph_node::kind::mapping, tag);
        open_.push_back(document().nodes.size() - 1);
    }
    void OnMapEnd() override {
        if (watcher_) watcher_->OnMapEnd();
        close();
    }

private:
    yaml_document& document() { return documents_.back(); }

    yaml_graph_node& add(const YAML::Mark& mark, YAML::anchor_t anchor, yaml_graph_node::kind type,
                         const std::string& tag) {
        auto& nodes = document().nodes;
        const std::size_t index = nodes.size();
        auto& node = nodes.emplace_back();
        node.type = type;
        node.mark = mark;
        node.tag = tag;
        if (anchor != YAML::NullAnchor) {
            if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, yaml_document::no_node);
            anchors_[anchor] = index;
        }
        place(index);
        return nodes[index];  // place() does not add nodes: the reference stays valid
    }

    // Into the open collection, or as the document's root.
    void place(std::size_t index) {
        if (index == yaml_document::no_node) return;
        if (open_.empty()) {
            if (document().root == yaml_document::no_node) document().root = index;
            return;
        }
        document().nodes[open_.back()].children.push_back(index);
    }

    void close() {
        if (!open_.empty()) open_.pop_back();
    }

    std::vector<yaml_document>& documents_;
    YAML::EventHandler* watcher_;
    std::vector<std::size_t> open_;
    std::vector<std::size_t> anchors_;
};

}  // namespace

std::vector<yaml_document> parse_yaml_documents(std::string_view text, YAML::EventHandler* watcher) {
    std::vector<yaml_document> documents;
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    graph_builder builder(documents, watcher);
    while (parser.HandleNextDocument(builder)) {
    }
    return documents;
}

}  // namespace closeplan::load::detail
