<?xml version="1.0" encoding="UTF-8"?>
<!--
  doc-inspection-notice.xsl - the notice of the year's software check
  (检查通报, kind="inspection-notice"; 《软件日常使用管理规定》四.1: 通报检查
  结果). The body is the ledger's; after it, from the audit in the derived
  facts (<f:audit>), a part lists every finding with the article it breaks
  (f:finding/@message, @article) and another each 股室's grade (f:rating).
  See doc-common.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:f="urn:zhengban:facts:1"
    xmlns:lo="urn:zhengban:layout:1"
    exclude-result-prefixes="l f">
  <xsl:import href="doc-common.xsl"/>
  <xsl:variable name="kind" select="'inspection-notice'"/>

  <xsl:template match="l:document" mode="body">
    <xsl:apply-templates select="l:body/*"/>
    <xsl:apply-templates select="$facts/f:audit"/>
  </xsl:template>

  <xsl:template match="f:audit">
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="1"/>
      <xsl:with-param name="n" select="count($doc/l:body/l:section) + 1"/>
      <xsl:with-param name="text" select="'检查发现的问题'"/>
    </xsl:call-template>
    <xsl:if test="not(f:finding)">
      <lo:p style="body">经对照软件使用管理台账逐台核查，未发现问题。</lo:p>
    </xsl:if>
    <xsl:for-each select="f:finding">
      <lo:p style="body">
        <xsl:value-of select="concat('（', position(), '）', normalize-space(concat(@message, .)))"/>
        <xsl:if test="@article">
          <xsl:value-of select="concat('（', @article, '）')"/>
        </xsl:if>
      </lo:p>
    </xsl:for-each>
    <xsl:if test="f:rating">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="1"/>
        <xsl:with-param name="n" select="count($doc/l:body/l:section) + 2"/>
        <xsl:with-param name="text" select="'考核评议结果'"/>
      </xsl:call-template>
      <lo:p style="body">
        <xsl:for-each select="f:rating">
          <xsl:variable name="dept" select="@dept"/>
          <xsl:if test="position() &gt; 1">；</xsl:if>
          <xsl:for-each select="$ledger">
            <xsl:value-of select="key('dept', $dept)/@name"/>
          </xsl:for-each>
          <xsl:value-of select="concat('：', @grade)"/>
        </xsl:for-each>
        <xsl:text>。</xsl:text>
      </lo:p>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
