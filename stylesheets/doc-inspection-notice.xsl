<?xml version="1.0" encoding="UTF-8"?>
<!--
  doc-inspection-notice.xsl - the notice of the year's software check
  (检查通报, kind="inspection-notice"; 《软件日常使用管理规定》四.1: 通报检查
  结果). Two parts come from the audit in the derived facts (<f:audit>):
  检查发现的问题, every finding with the article it breaks (f:finding/@message,
  @article), and 考核评议结果, each 股室's grade (f:rating). The ledger puts
  them where it wants with <section topic="findings"> and
  <section topic="ratings"> (a heading of its own optional), whose
  paragraphs follow the generated text; a part the body does not place is
  appended after it. Without facts only the ledger's text of such a
  section is laid out. See doc-common.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:f="urn:zhengban:facts:1"
    xmlns:zb="urn:zhengban:xslt"
    xmlns:lo="urn:zhengban:layout:1"
    exclude-result-prefixes="l f zb">
  <xsl:import href="doc-common.xsl"/>
  <xsl:variable name="kind" select="'inspection-notice'"/>

  <xsl:variable name="audit" select="$facts/f:audit"/>

  <xsl:template match="l:document" mode="body">
    <xsl:variable name="parts" select="l:body/l:section"/>
    <xsl:apply-templates select="l:body/*"/>
    <xsl:if test="$audit and not($parts[@topic = 'findings'])">
      <xsl:call-template name="part">
        <xsl:with-param name="topic" select="'findings'"/>
        <xsl:with-param name="n" select="count($parts) + 1"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$audit/f:rating and not($parts[@topic = 'ratings'])">
      <xsl:call-template name="part">
        <xsl:with-param name="topic" select="'ratings'"/>
        <xsl:with-param name="n" select="count($parts) + 1 +
                                        not($parts[@topic = 'findings'])"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- a part the ledger places: the generated text, then its own -->
  <xsl:template match="l:body/l:section[@topic]">
    <xsl:call-template name="part">
      <xsl:with-param name="topic" select="@topic"/>
      <xsl:with-param name="n" select="count(preceding-sibling::l:section) + 1"/>
      <xsl:with-param name="own" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- the part TOPIC numbered N, with the ledger's section OWN if any -->
  <xsl:template name="part">
    <xsl:param name="topic"/>
    <xsl:param name="n"/>
    <xsl:param name="own" select="/.."/>
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="1"/>
      <xsl:with-param name="n" select="$n"/>
      <xsl:with-param name="text">
        <xsl:choose>
          <xsl:when test="$own/@heading"><xsl:value-of select="$own/@heading"/></xsl:when>
          <xsl:when test="$topic = 'findings'">检查发现的问题</xsl:when>
          <xsl:otherwise>考核评议结果</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="src" select="zb:where($own | $doc/l:body[not($own)])"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="$topic = 'findings'"><xsl:apply-templates select="$audit" mode="findings"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="$audit[f:rating]" mode="ratings"/></xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="$own/*"/>
  </xsl:template>

  <xsl:template match="f:audit" mode="findings">
    <xsl:if test="not(f:finding)">
      <lo:p style="body">经对照软件使用管理台账逐台核查，未发现问题。</lo:p>
    </xsl:if>
    <xsl:for-each select="f:finding">
      <lo:p style="body">
        <xsl:value-of select="concat('（', position(), '）', normalize-space(concat(@message, .)))"/>
        <xsl:if test="@article">
          <xsl:value-of select="concat('，不符合', @article, '的规定')"/>
        </xsl:if>
        <xsl:text>。</xsl:text>
      </lo:p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="f:audit" mode="ratings">
    <lo:p style="body">
      <xsl:for-each select="f:rating">
        <xsl:variable name="dept" select="@dept"/>
        <xsl:if test="position() &gt; 1">；</xsl:if>
        <xsl:for-each select="$ledger">
          <xsl:value-of select="zb:ref('departments', $dept)/@name"/>
        </xsl:for-each>
        <xsl:value-of select="concat('：', @grade)"/>
      </xsl:for-each>
      <xsl:text>。</xsl:text>
    </lo:p>
  </xsl:template>
</xsl:stylesheet>
