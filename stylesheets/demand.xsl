<?xml version="1.0" encoding="UTF-8"?>
<!--
  附件3 软件使用需求申请表: one per demand. Four rows, 操作系统 / 办公软件 /
  杀毒软件 / 其他软件, whether the department asked for that kind or not;
  the reviews of the unit's 信息化部门 and 资产部门 below.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:zhengban:layout:1"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:zb="urn:zhengban:xslt"
    exclude-result-prefixes="l zb">

  <xsl:import href="form-common.xsl"/>

  <xsl:variable name="stack-copies" select="true()"/>

  <!-- The names of the departments that review this form. -->
  <xsl:variable name="it-name">
    <xsl:call-template name="role-name">
      <xsl:with-param name="role" select="'it'"/>
      <xsl:with-param name="with" select="'assets'"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="assets-name">
    <xsl:call-template name="role-name">
      <xsl:with-param name="role" select="'assets'"/>
      <xsl:with-param name="with" select="'it'"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template name="sections">
    <xsl:choose>
      <xsl:when test="$is-blank">
        <xsl:call-template name="demand">
          <xsl:with-param name="sheet" select="$form-sheet"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$L/l:demands/l:demand"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="l:demand">
    <xsl:call-template name="demand">
      <xsl:with-param name="sheet" select="concat(position(), ' ', zb:ref('departments', @dept)/@name)"/>
      <xsl:with-param name="demand" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="demand">
    <xsl:param name="sheet"/>
    <xsl:param name="demand" select="/.."/>
    <xsl:variable name="handler" select="zb:ref('staff', string($demand/@handler))"/>
    <section>
      <xsl:call-template name="section-attributes">
        <xsl:with-param name="text" select="$sheet"/>
      </xsl:call-template>
      <xsl:call-template name="heading"/>
      <fields style="fields">
        <xsl:call-template name="field">
          <xsl:with-param name="label" select="'申请部门：'"/>
          <xsl:with-param name="node" select="zb:ref('departments', string($demand/@dept))/@name"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label" select="'经手人：'"/>
          <xsl:with-param name="node" select="$handler/@name"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label" select="'联系电话：'"/>
          <xsl:with-param name="node" select="$handler/@phone"/>
        </xsl:call-template>
        <xsl:call-template name="date-field">
          <xsl:with-param name="node" select="$demand/@date"/>
        </xsl:call-template>
      </fields>
      <table style="cell" header-rows="1">
        <col width="12"/><col width="22"/><col width="2*"/><col width="2*"/>
        <col width="26"/><col width="1.5*"/>
        <row height="12">
          <cell style="head">序号</cell>
          <cell style="head">软件类型</cell>
          <cell style="head">软件用途</cell>
          <cell style="head">功能需求</cell>
          <cell style="head">申请许可数<br/>（单位：个）</cell>
          <cell style="head">备注</cell>
        </row>
        <xsl:call-template name="need">
          <xsl:with-param name="index" select="1"/>
          <xsl:with-param name="kind" select="'操作系统'"/>
          <xsl:with-param name="need" select="$demand/l:need[@category = '操作系统']"/>
        </xsl:call-template>
        <xsl:call-template name="need">
          <xsl:with-param name="index" select="2"/>
          <xsl:with-param name="kind" select="'办公软件'"/>
          <xsl:with-param name="need" select="$demand/l:need[@category = '办公']"/>
        </xsl:call-template>
        <xsl:call-template name="need">
          <xsl:with-param name="index" select="3"/>
          <xsl:with-param name="kind" select="'杀毒软件'"/>
          <xsl:with-param name="need" select="$demand/l:need[@category = '杀毒']"/>
        </xsl:call-template>
        <xsl:call-template name="need">
          <xsl:with-param name="index" select="4"/>
          <xsl:with-param name="kind" select="'其他软件'"/>
          <xsl:with-param name="need" select="$demand/l:need[@category = '其他']"/>
        </xsl:call-template>
        <xsl:call-template name="approval">
          <xsl:with-param name="who" select="string($it-name)"/>
          <xsl:with-param name="review" select="$demand/l:itReview"/>
          <xsl:with-param name="label-span" select="2"/>
          <xsl:with-param name="span" select="4"/>
        </xsl:call-template>
        <xsl:call-template name="approval">
          <xsl:with-param name="who" select="string($assets-name)"/>
          <xsl:with-param name="review" select="$demand/l:assetReview"/>
          <xsl:with-param name="label-span" select="2"/>
          <xsl:with-param name="span" select="4"/>
        </xsl:call-template>
      </table>
    </section>
  </xsl:template>

  <!-- Row INDEX, the software of KIND, filled from NEED when given. -->
  <xsl:template name="need">
    <xsl:param name="index"/>
    <xsl:param name="kind"/>
    <xsl:param name="need"/>
    <row height="14">
      <cell type="integer"><xsl:value-of select="$index"/></cell>
      <cell><xsl:value-of select="$kind"/></cell>
      <cell style="left">
        <xsl:call-template name="ledger-text">
          <xsl:with-param name="node" select="$need/@purpose"/>
          <xsl:with-param name="what" select="'软件用途'"/>
        </xsl:call-template>
      </cell>
      <cell style="left">
        <xsl:call-template name="ledger-text">
          <xsl:with-param name="node" select="$need/@function"/>
          <xsl:with-param name="what" select="'功能需求'"/>
        </xsl:call-template>
      </cell>
      <cell type="integer"><xsl:value-of select="$need/@count"/></cell>
      <cell style="left">
        <xsl:call-template name="ledger-text">
          <xsl:with-param name="node" select="$need/@note"/>
          <xsl:with-param name="what" select="'备注'"/>
        </xsl:call-template>
      </cell>
    </row>
  </xsl:template>

</xsl:stylesheet>
