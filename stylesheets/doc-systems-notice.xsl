<?xml version="1.0" encoding="UTF-8"?>
<!--
  doc-systems-notice.xsl - the notice that issues the unit's six systems
  (kind="systems-notice", like 永医保发〔2023〕15号): the notice, then the
  text of the six systems (forms/six-systems.xml, word for word, with the
  unit's department names and form numbers put in), each from a new page,
  then the attached forms and the 版记. See doc-common.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:s="urn:zhengban:systems:1"
    xmlns:lo="urn:zhengban:layout:1"
    xmlns:zb="urn:zhengban:xslt"
    exclude-result-prefixes="l s zb">
  <xsl:import href="doc-common.xsl"/>
  <xsl:variable name="kind" select="'systems-notice'"/>

  <!-- the guide's numbers of the forms, where the ledger numbers none -->
  <xsl:variable name="guide-numbers"
      select="' leadership:1 pledge:2 demand:3 plan:4 statistics:5 freelist:6 summary:7 detail:8 log:9 request:10 confirmation:11 '"/>

  <xsl:template match="l:document" mode="after-note">
    <xsl:for-each select="document('../forms/six-systems.xml')/s:systems/s:system">
      <lo:page-break/>
      <lo:p style="title" balance="true"><xsl:value-of select="@title"/></lo:p>
      <lo:space lines="1"/>
      <xsl:apply-templates select="*" mode="system"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="s:h1 | s:h2 | s:p" mode="system">
    <lo:p>
      <xsl:if test="not(self::s:p)">
        <xsl:attribute name="keep-with-next">true</xsl:attribute>
      </xsl:if>
      <xsl:attribute name="style">
        <xsl:choose>
          <xsl:when test="self::s:p">body</xsl:when>
          <xsl:otherwise><xsl:value-of select="local-name()"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:apply-templates mode="system"/>
    </lo:p>
  </xsl:template>

  <!-- keys look in the ledger, not in six-systems.xml -->
  <xsl:template match="s:it | s:finance" mode="system">
    <xsl:variable name="role" select="local-name()"/>
    <xsl:for-each select="$ledger">
      <xsl:value-of select="zb:ref('departments', l:unit/l:roles/*[local-name() = $role]/@dept)/@name"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="s:form" mode="system">
    <xsl:variable name="name" select="@name"/>
    <xsl:variable name="own" select="$ledger/l:unit/l:numbering/l:form[@name = $name]/@number"/>
    <xsl:text>附件</xsl:text>
    <xsl:choose>
      <xsl:when test="$own"><xsl:value-of select="$own"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="substring-before(substring-after($guide-numbers,
                              concat(' ', @name, ':')), ' ')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
