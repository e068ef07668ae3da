"""Editor tools: commands that help a contributor start records, beside the four stages.

`new article --from` turns a saved page, a URL or a text file into an article record;
`new claim --excerpt` finds the article and paragraph an excerpt comes from; `coverage` lists
the sentences no excerpt covers. These tools may import `read`, `link` and the shared modules
(`problems`), never `render` or `publish`, and no stage imports them: `cli` calls them.
"""
