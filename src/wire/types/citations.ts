// Citations (documents and search results a model cites) and search-result blocks.
import type { TaggedUnion } from "./union.js";

/** Turns citations on for a document or search result. */
export interface CitationsConfig {
  enabled: boolean | undefined;
}

/** Character range in a document (`end` exclusive). */
export interface DocumentCharLocation {
  documentIndex?: number | undefined;
  start?: number | undefined;
  end?: number | undefined;
}

/** Chunk range in a chunked document. */
export interface DocumentChunkLocation {
  documentIndex?: number | undefined;
  start?: number | undefined;
  end?: number | undefined;
}

/** Page range in a document. */
export interface DocumentPageLocation {
  documentIndex?: number | undefined;
  start?: number | undefined;
  end?: number | undefined;
}

/** Block range in a search result. */
export interface SearchResultLocation {
  searchResultIndex?: number | undefined;
  start?: number | undefined;
  end?: number | undefined;
}

/** A web page a citation points to. */
export interface WebLocation {
  url?: string | undefined;
  domain?: string | undefined;
}

interface CitationLocationMembers {
  web: WebLocation;
  documentChar: DocumentCharLocation;
  documentPage: DocumentPageLocation;
  documentChunk: DocumentChunkLocation;
  searchResultLocation: SearchResultLocation;
}
/** Where in a source the cited text is. */
export type CitationLocation = TaggedUnion<CitationLocationMembers>;

/** The cited text itself. */
export type CitationSourceContent = TaggedUnion<{ text: string }>;

/** Generated text that carries citations. */
export type CitationGeneratedContent = TaggedUnion<{ text: string }>;

/** One citation: which source, where in it, and the quoted text. */
export interface Citation {
  title?: string | undefined;
  source?: string | undefined;
  sourceContent?: CitationSourceContent[] | undefined;
  location?: CitationLocation | undefined;
}

/** Generated text with the citations that back it (the `citationsContent` block kind). */
export interface CitationsContentBlock {
  content?: CitationGeneratedContent[] | undefined;
  citations?: Citation[] | undefined;
}

/** One text passage of a search result. */
export interface SearchResultContentBlock {
  text: string | undefined;
}

/** A search result given to the model as context it may cite (the `searchResult` block kind). */
export interface SearchResultBlock {
  source: string | undefined;
  title: string | undefined;
  content: SearchResultContentBlock[] | undefined;
  citations?: CitationsConfig | undefined;
}
