<?xml version="1.0" encoding="UTF-8"?>
<!--
  附件7 软件使用情况汇总表: the unit's 人员情况 and 计算机情况, then every
  软件编号 of the ledger in three groups - 商业软件, 随机预装（OEM）软件,
  免费软件 - numbered on through the groups. OEM rows leave empty the
  columns that 《软件台账管理规定》一.6 says not to fill, free rows those of
  一.9; a donation leaves 采购时间 and 采购金额 empty (一.4). 安装数量 is
  derived (f:software); a disposed entry says so under 许可期限.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:zhengban:layout:1"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:f="urn:zhengban:facts:1"
    xmlns:zb="urn:zhengban:xslt"
    exclude-result-prefixes="l f zb">

  <xsl:import href="form-common.xsl"/>

  <xsl:key name="installed" match="/l:ledger/f:facts/f:software/f:entry" use="@id"/>

  <xsl:variable name="S" select="$F/f:statistics"/>
  <xsl:variable name="commercial" select="$L/l:software/l:commercial"/>
  <xsl:variable name="oem" select="$L/l:software/l:oem"/>

  <!-- One grid for both tables: the workbook merges them column by column. -->
  <xsl:template name="columns">
    <col width="9"/><col width="30"/><col width="1*"/><col width="15"/>
    <col width="15"/><col width="19"/><col width="17"/><col width="17"/>
    <col width="15"/><col width="19"/><col width="19"/><col width="50"/>
    <col width="15"/>
  </xsl:template>

  <xsl:template name="sections">
    <section>
      <xsl:call-template name="section-attributes"/>
      <xsl:call-template name="footer"/>
      <xsl:call-template name="heading"/>
      <xsl:call-template name="unit-fields"/>
      <table style="cell-s">
        <xsl:call-template name="columns"/>
        <row height="8">
          <cell colspan="2" style="head-s">人员情况</cell>
          <cell colspan="2" style="head-s">总人数</cell>
          <xsl:call-template name="count">
            <xsl:with-param name="value" select="$S/f:people/@total"/>
          </xsl:call-template>
          <cell colspan="3" style="head-s">使用计算机人数</cell>
          <xsl:call-template name="count">
            <xsl:with-param name="value" select="$S/f:people/@computerUsers"/>
            <xsl:with-param name="colspan" select="4"/>
          </xsl:call-template>
        </row>
        <row height="8">
          <cell colspan="2" style="head-s">计算机情况</cell>
          <cell colspan="2" style="head-s">服务器数</cell>
          <xsl:call-template name="count">
            <xsl:with-param name="value" select="$S/f:computers/@servers"/>
          </xsl:call-template>
          <cell colspan="2" style="head-s">台式机数</cell>
          <xsl:call-template name="count">
            <xsl:with-param name="value" select="$S/f:computers/@desktops"/>
            <xsl:with-param name="colspan" select="1"/>
          </xsl:call-template>
          <cell colspan="2" style="head-s">便携机数</cell>
          <xsl:call-template name="count">
            <xsl:with-param name="value" select="$S/f:computers/@laptops"/>
            <xsl:with-param name="colspan" select="2"/>
          </xsl:call-template>
        </row>
      </table>
      <table style="cell-s" header-rows="1">
        <xsl:call-template name="columns"/>
        <row height="10">
          <cell style="head-s">序号</cell>
          <cell style="head-s">软件编号</cell>
          <cell style="head-s">软件名称</cell>
          <cell style="head-s">软件版本</cell>
          <cell style="head-s">软件类型</cell>
          <cell style="head-s">采购时间</cell>
          <cell style="head-s">采购金额<br/>(元)</cell>
          <cell style="head-s">许可类型</cell>
          <cell style="head-s">许可数量</cell>
          <cell style="head-s">可使用版本</cell>
          <cell style="head-s">许可期限</cell>
          <cell style="head-s">序列号</cell>
          <cell style="head-s">安装数量</cell>
        </row>
        <xsl:choose>
          <xsl:when test="$is-blank">
            <xsl:call-template name="blank-rows">
              <xsl:with-param name="count" select="10"/>
              <xsl:with-param name="cols" select="13"/>
              <xsl:with-param name="height" select="8"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="group">
              <xsl:with-param name="title" select="'商业软件'"/>
              <xsl:with-param name="entries" select="$commercial"/>
            </xsl:call-template>
            <xsl:call-template name="group">
              <xsl:with-param name="title" select="'随机预装（OEM）软件'"/>
              <xsl:with-param name="entries" select="$oem"/>
              <xsl:with-param name="before" select="count($commercial)"/>
            </xsl:call-template>
            <xsl:call-template name="group">
              <xsl:with-param name="title" select="'免费软件'"/>
              <xsl:with-param name="entries" select="$L/l:software/l:free"/>
              <xsl:with-param name="before" select="count($commercial | $oem)"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </table>
    </section>
  </xsl:template>

  <!-- A count over COLSPAN columns (two by default). -->
  <xsl:template name="count">
    <xsl:param name="value"/>
    <xsl:param name="colspan" select="2"/>
    <cell type="integer" colspan="{$colspan}">
      <xsl:if test="not($is-blank)"><xsl:value-of select="$value"/></xsl:if>
    </cell>
  </xsl:template>

  <!-- A group's heading row and its ENTRIES, numbered after BEFORE. -->
  <xsl:template name="group">
    <xsl:param name="title"/>
    <xsl:param name="entries"/>
    <xsl:param name="before" select="0"/>
    <xsl:if test="$entries">
      <row height="7" keep-with-next="true">
        <cell colspan="13" style="head-s" align="left">
          <xsl:value-of select="$title"/>
        </cell>
      </row>
      <xsl:apply-templates select="$entries">
        <xsl:with-param name="before" select="$before"/>
      </xsl:apply-templates>
    </xsl:if>
  </xsl:template>

  <!-- 序号 软件编号 软件名称 软件版本 软件类型: every kind. -->
  <xsl:template name="identity">
    <xsl:param name="before"/>
    <cell type="integer"><xsl:value-of select="$before + position()"/></cell>
    <cell src="{zb:where(.)} 软件编号"><xsl:value-of select="@id"/></cell>
    <cell style="left-s" src="{zb:where(.)} 软件名称"><xsl:value-of select="@name"/></cell>
    <cell src="{zb:where(.)} 软件版本"><xsl:value-of select="@version"/></cell>
    <cell><xsl:value-of select="@category"/></cell>
  </xsl:template>

  <xsl:template name="installed">
    <cell type="integer"><xsl:value-of select="key('installed', @id)/@installed"/></cell>
  </xsl:template>

  <xsl:template match="l:commercial">
    <xsl:param name="before"/>
    <xsl:variable name="license" select="l:license"/>
    <row>
      <xsl:call-template name="identity">
        <xsl:with-param name="before" select="$before"/>
      </xsl:call-template>
      <cell type="date" date-format="iso"><xsl:value-of select="l:purchase/@date"/></cell>
      <cell type="money" align="right"><xsl:value-of select="l:purchase/@amount"/></cell>
      <cell src="{zb:where($license)} 许可类型"><xsl:value-of select="$license/@type"/></cell>
      <cell type="integer"><xsl:value-of select="$license/@count"/></cell>
      <cell src="{zb:where($license)} 可使用版本"><xsl:value-of select="$license/@usableVersions"/></cell>
      <cell>
        <xsl:value-of select="$license/@term"/>
        <xsl:if test="l:disposal">
          <br/>
          <xsl:value-of select="concat(l:disposal/@date, ' 报废')"/>
        </xsl:if>
      </cell>
      <cell style="left-s" src="{zb:where(l:serial[1])} 序列号">
        <xsl:for-each select="l:serial">
          <xsl:if test="position() > 1"><br/></xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </cell>
      <xsl:call-template name="installed"/>
    </row>
  </xsl:template>

  <xsl:template match="l:oem | l:free">
    <xsl:param name="before"/>
    <row>
      <xsl:call-template name="identity">
        <xsl:with-param name="before" select="$before"/>
      </xsl:call-template>
      <cell/><cell/><cell/><cell/><cell/><cell/><cell/>
      <xsl:call-template name="installed"/>
    </row>
  </xsl:template>

</xsl:stylesheet>
