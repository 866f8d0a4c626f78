<?xml version="1.0" encoding="UTF-8"?>
<!--
  附件1 软件正版化工作领导小组成员信息表: the members in the ledger's
  order, 分工 merged down consecutive members of the same role.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:zhengban:layout:1"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:zb="urn:zhengban:xslt"
    exclude-result-prefixes="l zb">

  <xsl:import href="form-common.xsl"/>

  <xsl:template name="sections">
    <section>
      <xsl:call-template name="section-attributes"/>
      <xsl:call-template name="heading"/>
      <xsl:call-template name="unit-fields"/>
      <table style="cell" header-rows="1">
        <col width="11"/><col width="16"/><col width="18"/><col width="24"/>
        <col width="2*"/><col width="25"/><col width="25"/><col width="1*"/>
        <row height="10">
          <cell style="head">序号</cell>
          <cell style="head">分工</cell>
          <cell style="head">姓名</cell>
          <cell style="head">部门</cell>
          <cell style="head">职务</cell>
          <cell style="head">联系电话</cell>
          <cell style="head">传真</cell>
          <cell style="head">备注</cell>
        </row>
        <xsl:choose>
          <xsl:when test="$is-blank">
            <xsl:call-template name="blank-rows">
              <xsl:with-param name="count" select="8"/>
              <xsl:with-param name="cols" select="8"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="$L/l:leadership/l:member"/>
          </xsl:otherwise>
        </xsl:choose>
      </table>
    </section>
  </xsl:template>

  <xsl:template match="l:member">
    <xsl:variable name="person" select="zb:ref('staff', @staff)"/>
    <row height="9">
      <cell type="integer"><xsl:value-of select="position()"/></cell>
      <xsl:if test="not(preceding-sibling::l:member[1]/@role = @role)">
        <xsl:variable name="next" select="following-sibling::l:member[@role != current()/@role][1]"/>
        <xsl:variable name="rows">
          <xsl:choose>
            <xsl:when test="$next">
              <xsl:value-of select="count($next/preceding-sibling::l:member)
                                    - count(preceding-sibling::l:member)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="count(following-sibling::l:member) + 1"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <cell>
          <xsl:if test="$rows > 1">
            <xsl:attribute name="rowspan"><xsl:value-of select="$rows"/></xsl:attribute>
          </xsl:if>
          <xsl:call-template name="ledger-text">
            <xsl:with-param name="node" select="@role"/>
            <xsl:with-param name="what" select="'分工'"/>
          </xsl:call-template>
        </cell>
      </xsl:if>
      <cell>
        <xsl:call-template name="ledger-text">
          <xsl:with-param name="node" select="$person/@name"/>
          <xsl:with-param name="what" select="'姓名'"/>
        </xsl:call-template>
      </cell>
      <cell>
        <xsl:call-template name="ledger-text">
          <xsl:with-param name="node" select="zb:ref('departments', $person/@dept)/@name"/>
          <xsl:with-param name="what" select="'部门'"/>
        </xsl:call-template>
      </cell>
      <cell>
        <xsl:call-template name="ledger-text">
          <xsl:with-param name="node" select="$person/@post"/>
          <xsl:with-param name="what" select="'职务'"/>
        </xsl:call-template>
      </cell>
      <cell>
        <xsl:call-template name="ledger-text">
          <xsl:with-param name="node" select="$person/@phone"/>
          <xsl:with-param name="what" select="'联系电话'"/>
        </xsl:call-template>
      </cell>
      <cell>
        <xsl:call-template name="ledger-text">
          <xsl:with-param name="node" select="@fax"/>
          <xsl:with-param name="what" select="'传真'"/>
        </xsl:call-template>
      </cell>
      <cell style="left">
        <xsl:call-template name="ledger-text">
          <xsl:with-param name="node" select="@note"/>
          <xsl:with-param name="what" select="'备注'"/>
        </xsl:call-template>
      </cell>
    </row>
  </xsl:template>

</xsl:stylesheet>
