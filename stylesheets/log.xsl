<?xml version="1.0" encoding="UTF-8"?>
<!--
  附件9 软件安装维护情况明细表: one per 软件编号, in the order of the
  ledger's software list (《软件台账管理规定》三.3). A header block names the
  software (软件编号, 名称, 版本, 类型, 许可数量, 可使用版本, 许可期限 - the
  licence items empty for OEM and free software, 一.6 and 一.9) and is
  repeated with the column heads on every page; then one row per event of
  the derived log (f:log: in date order, the running 安装数量 after each).
  An OEM entry whose copies were never uninstalled has no rows: preinstalled
  copies are not recorded as installs.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:zhengban:layout:1"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:f="urn:zhengban:facts:1"
    xmlns:zb="urn:zhengban:xslt"
    exclude-result-prefixes="l f zb">

  <xsl:import href="form-common.xsl"/>

  <xsl:key name="log" match="/l:ledger/f:facts/f:log/f:software" use="@id"/>

  <xsl:template name="sections">
    <xsl:choose>
      <xsl:when test="$is-blank">
        <xsl:call-template name="log">
          <xsl:with-param name="sheet" select="$form-sheet"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$L/l:software/*[position() >= $first-copy
            and ($last-copy = 0 or position() &lt;= $last-copy)]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="l:commercial | l:oem | l:free">
    <xsl:call-template name="log">
      <xsl:with-param name="sheet"
                      select="concat(position() + $first-copy - 1, ' ', @id)"/>
      <xsl:with-param name="software" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="log">
    <xsl:param name="sheet"/>
    <xsl:param name="software" select="/.."/>
    <xsl:variable name="license" select="$software/l:license"/>
    <section>
      <xsl:call-template name="section-attributes">
        <xsl:with-param name="text" select="$sheet"/>
      </xsl:call-template>
      <xsl:call-template name="footer"/>
      <xsl:call-template name="heading"/>
      <table style="cell-s" header-rows="4">
        <col width="12" type="integer"/><col width="12" type="check"/>
        <col width="12" type="check"/><col width="30"/><col width="1.2*"/>
        <col width="22"/><col width="1*"/><col width="22"/>
        <col width="24" type="date" date-format="iso"/>
        <col width="20" type="integer"/>
        <row height="8">
          <cell colspan="3" style="head-s">软件编号</cell>
          <cell style="left-s" colspan="2">
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="$software/@id"/>
              <xsl:with-param name="what" select="'软件编号'"/>
            </xsl:call-template>
          </cell>
          <cell style="head-s">软件名称</cell>
          <cell style="left-s" colspan="4">
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="$software/@name"/>
              <xsl:with-param name="what" select="'软件名称'"/>
            </xsl:call-template>
          </cell>
        </row>
        <row height="8">
          <cell colspan="3" style="head-s">软件版本</cell>
          <cell style="left-s" colspan="2">
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="$software/@version"/>
              <xsl:with-param name="what" select="'软件版本'"/>
            </xsl:call-template>
          </cell>
          <cell style="head-s">软件类型</cell>
          <cell colspan="4" style="left-s">
            <xsl:choose>
              <xsl:when test="$software/self::l:commercial">商业软件</xsl:when>
              <xsl:when test="$software/self::l:oem">OEM软件</xsl:when>
              <xsl:when test="$software/self::l:free">免费软件</xsl:when>
            </xsl:choose>
            <xsl:if test="$software">
              <xsl:value-of select="concat('（', $software/@category, '）')"/>
            </xsl:if>
          </cell>
        </row>
        <row height="8">
          <cell colspan="3" style="head-s">许可数量</cell>
          <cell style="left-s" colspan="2">
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="$license/@count"/>
              <xsl:with-param name="what" select="'许可数量'"/>
            </xsl:call-template>
          </cell>
          <cell style="head-s">可使用版本</cell>
          <cell style="left-s">
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="$license/@usableVersions"/>
              <xsl:with-param name="what" select="'可使用版本'"/>
            </xsl:call-template>
          </cell>
          <cell style="head-s">许可期限</cell>
          <cell style="left-s" colspan="2">
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="$license/@term"/>
              <xsl:with-param name="what" select="'许可期限'"/>
            </xsl:call-template>
          </cell>
        </row>
        <row height="8">
          <cell style="head-s">序号</cell>
          <cell style="head-s">安装</cell>
          <cell style="head-s">卸载</cell>
          <cell style="head-s">计算机编号</cell>
          <cell style="head-s">计算机品牌</cell>
          <cell style="head-s">使用人</cell>
          <cell style="head-s">使用部门</cell>
          <cell style="head-s">版本</cell>
          <cell style="head-s">日期</cell>
          <cell style="head-s">安装数量</cell>
        </row>
        <xsl:choose>
          <xsl:when test="$is-blank">
            <xsl:call-template name="blank-rows">
              <xsl:with-param name="count" select="14"/>
              <xsl:with-param name="cols" select="10"/>
              <xsl:with-param name="height" select="8"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="key('log', $software/@id)/f:row"/>
          </xsl:otherwise>
        </xsl:choose>
      </table>
    </section>
  </xsl:template>

  <!-- A row per event; inline, as this template runs once per event. The
       cells' types are the columns'. -->
  <xsl:template match="f:row">
    <xsl:variable name="computer" select="zb:ref('computers', string(@computer))"/>
    <xsl:variable name="person" select="zb:ref('staff', string(@staff))"/>
    <xsl:variable name="dept" select="zb:ref('departments', string(@dept))"/>
    <row>
      <cell><xsl:value-of select="position() + $first-row - 1"/></cell>
      <xsl:choose>
        <xsl:when test="@action = 'install'"><cell>1</cell><cell/></xsl:when>
        <xsl:otherwise><cell/><cell>1</cell></xsl:otherwise>
      </xsl:choose>
      <cell><xsl:value-of select="@computer"/></cell>
      <cell src="{zb:where($computer)} 计算机品牌">
        <xsl:value-of select="concat($computer/@brand, ' ', $computer/@model)"/>
      </cell>
      <cell src="{zb:where($person)} 使用人"><xsl:value-of select="$person/@name"/></cell>
      <cell src="{zb:where($dept)} 使用部门"><xsl:value-of select="$dept/@name"/></cell>
      <cell src="{concat($source, ':', @line)} 版本"><xsl:value-of select="@version"/></cell>
      <cell><xsl:value-of select="@date"/></cell>
      <cell><xsl:value-of select="@running"/></cell>
    </row>
  </xsl:template>

</xsl:stylesheet>
