<?xml version="1.0" encoding="UTF-8"?>
<!--
  附件6 可使用免费软件清单: every free software entry of the ledger.
  软件版本 lists the versions installed on the as-of date (the derived
  installations); 使用部门 is 全部门 or the departments named.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:zhengban:layout:1"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:f="urn:zhengban:facts:1"
    xmlns:zb="urn:zhengban:xslt"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="l f zb exsl">

  <xsl:import href="form-common.xsl"/>

  <xsl:key name="installed" match="/l:ledger/f:facts/f:installations/f:installation" use="@software"/>

  <xsl:template name="sections">
    <section>
      <xsl:call-template name="section-attributes"/>
      <xsl:call-template name="footer"/>
      <xsl:call-template name="heading"/>
      <xsl:call-template name="unit-fields"/>
      <table style="cell" header-rows="1">
        <col width="12"/><col width="28"/><col width="1.5*"/><col width="20"/>
        <col width="22"/><col width="1.5*"/><col width="30"/><col width="1*"/>
        <col width="1.5*"/>
        <row height="12">
          <cell style="head">序号</cell>
          <cell style="head">软件编号</cell>
          <cell style="head">软件名称</cell>
          <cell style="head">软件版本</cell>
          <cell style="head">软件来源</cell>
          <cell style="head">软件厂商名称</cell>
          <cell style="head">软件厂商<br/>客服联系方式</cell>
          <cell style="head">使用部门</cell>
          <cell style="head">使用原因</cell>
        </row>
        <xsl:choose>
          <xsl:when test="$is-blank">
            <xsl:call-template name="blank-rows">
              <xsl:with-param name="count" select="8"/>
              <xsl:with-param name="cols" select="9"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="$L/l:software/l:free"/>
          </xsl:otherwise>
        </xsl:choose>
      </table>
    </section>
  </xsl:template>

  <xsl:template match="l:free">
    <row height="9">
      <cell type="integer"><xsl:value-of select="position()"/></cell>
      <cell>
        <xsl:call-template name="ledger-text">
          <xsl:with-param name="node" select="@id"/>
          <xsl:with-param name="what" select="'软件编号'"/>
        </xsl:call-template>
      </cell>
      <cell>
        <xsl:call-template name="ledger-text">
          <xsl:with-param name="node" select="@name"/>
          <xsl:with-param name="what" select="'软件名称'"/>
        </xsl:call-template>
      </cell>
      <cell>
        <!-- the distinct versions: sorted, each unlike the one before -->
        <xsl:variable name="versions">
          <xsl:for-each select="key('installed', @id)/@version">
            <xsl:sort select="."/>
            <v><xsl:value-of select="."/></v>
          </xsl:for-each>
        </xsl:variable>
        <xsl:for-each select="exsl:node-set($versions)/*[not(. = preceding-sibling::*[1])]">
          <xsl:if test="position() > 1">、</xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </cell>
      <cell>
        <xsl:call-template name="ledger-text">
          <xsl:with-param name="node" select="@source"/>
          <xsl:with-param name="what" select="'软件来源'"/>
        </xsl:call-template>
      </cell>
      <cell>
        <xsl:call-template name="ledger-text">
          <xsl:with-param name="node" select="@vendor"/>
          <xsl:with-param name="what" select="'软件厂商名称'"/>
        </xsl:call-template>
      </cell>
      <cell>
        <xsl:call-template name="ledger-text">
          <xsl:with-param name="node" select="@vendorContact"/>
          <xsl:with-param name="what" select="'软件厂商客服联系方式'"/>
        </xsl:call-template>
      </cell>
      <cell>
        <xsl:if test="l:allDepartments">全部门</xsl:if>
        <xsl:for-each select="l:dept">
          <xsl:if test="position() > 1">、</xsl:if>
          <xsl:value-of select="zb:ref('departments', @ref)/@name"/>
        </xsl:for-each>
      </cell>
      <cell style="left">
        <xsl:call-template name="ledger-text">
          <xsl:with-param name="node" select="@reason"/>
          <xsl:with-param name="what" select="'使用原因'"/>
        </xsl:call-template>
      </cell>
    </row>
  </xsl:template>

</xsl:stylesheet>
