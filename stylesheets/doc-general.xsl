<?xml version="1.0" encoding="UTF-8"?>
<!--
  doc-general.xsl - any other red-header document the ledger describes
  (kind="general"): title, 主送, the body exactly as the ledger writes it
  (paragraphs and numbered sections), 附件说明 and attached forms, 署名,
  成文日期, 附注 and 版记. See doc-common.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="doc-common.xsl"/>
  <xsl:variable name="kind" select="'general'"/>
</xsl:stylesheet>
