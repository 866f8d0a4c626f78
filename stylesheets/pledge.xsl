<?xml version="1.0" encoding="UTF-8"?>
<!--
  附件2 使用正版软件承诺书: one page per staff member, in the ledger's
  order. The person is named above the signature line; 承诺人签字 and the
  date are left for the hand.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:zhengban:layout:1"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:zb="urn:zhengban:xslt"
    exclude-result-prefixes="l zb">

  <xsl:import href="form-common.xsl"/>

  <xsl:variable name="stack-copies" select="true()"/>

  <xsl:template name="sections">
    <xsl:choose>
      <xsl:when test="$is-blank">
        <xsl:call-template name="pledge">
          <xsl:with-param name="sheet" select="$form-sheet"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$L/l:staff/l:person"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="l:person">
    <xsl:call-template name="pledge">
      <xsl:with-param name="sheet" select="concat(position(), ' ', @name)"/>
      <xsl:with-param name="person" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="pledge">
    <xsl:param name="sheet"/>
    <xsl:param name="person" select="/.."/>
    <section>
      <xsl:call-template name="section-attributes">
        <xsl:with-param name="text" select="$sheet"/>
      </xsl:call-template>
      <!-- a pledge's own margins (text alone: cheap in every copy) -->
      <xsl:attribute name="margin-top">30</xsl:attribute>
      <xsl:attribute name="margin-left">28</xsl:attribute>
      <xsl:attribute name="margin-right">26</xsl:attribute>
      <xsl:call-template name="heading"/>
      <space height="12"/>
      <p style="body">本人承诺严格遵守单位软件正版化工作相关规定，不私自在计算机办公设备及系统中安装或卸载软件。本人若违反单位软件正版化工作相关规定，全部后果由本人负责。</p>
      <space height="30"/>
      <xsl:if test="$person">
        <p style="sign" align="right" src="{zb:where($person)} 姓名">
          <xsl:value-of select="concat(zb:ref('departments', string($person/@dept))/@name,
                                       '　', $person/@name)"/>
        </p>
      </xsl:if>
      <signature style="sign" label="承诺人签字：" gap="7" date="none"/>
      <signature style="sign" date="blank"/>
    </section>
  </xsl:template>

</xsl:stylesheet>
