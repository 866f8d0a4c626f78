<?xml version="1.0" encoding="UTF-8"?>
<!--
  附件4 软件采购计划表: one per plan. 合计 (单价 × 许可数) and 共计 are the
  derived facts (f:plans), written with product/sum so that the workbook
  carries them as formulas; four approval blocks below.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:zhengban:layout:1"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:f="urn:zhengban:facts:1"
    xmlns:zb="urn:zhengban:xslt"
    exclude-result-prefixes="l f zb">

  <xsl:import href="form-common.xsl"/>

  <xsl:key name="plan-facts" match="/l:ledger/f:facts/f:plans/f:plan" use="@id"/>

  <!-- The names of the departments that review this form. -->
  <xsl:variable name="it-name">
    <xsl:call-template name="role-name">
      <xsl:with-param name="role" select="'it'"/>
      <xsl:with-param name="with" select="'assets finance'"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="assets-name">
    <xsl:call-template name="role-name">
      <xsl:with-param name="role" select="'assets'"/>
      <xsl:with-param name="with" select="'it finance'"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="finance-name">
    <xsl:call-template name="role-name">
      <xsl:with-param name="role" select="'finance'"/>
      <xsl:with-param name="with" select="'it assets'"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template name="sections">
    <xsl:choose>
      <xsl:when test="$is-blank">
        <xsl:call-template name="plan">
          <xsl:with-param name="sheet" select="$form-sheet"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$L/l:plans/l:plan"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="l:plan">
    <xsl:call-template name="plan">
      <xsl:with-param name="sheet" select="concat(position(), ' ', @id)"/>
      <xsl:with-param name="plan" select="."/>
      <xsl:with-param name="n" select="position()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="plan">
    <xsl:param name="sheet"/>
    <xsl:param name="plan" select="/.."/>
    <xsl:param name="n" select="1"/>
    <xsl:variable name="handler" select="zb:ref('staff', $plan/@handler)"/>
    <xsl:variable name="totals" select="key('plan-facts', $plan/@id)"/>
    <section>
      <xsl:call-template name="section-attributes">
        <xsl:with-param name="text" select="$sheet"/>
      </xsl:call-template>
      <xsl:call-template name="heading"/>
      <fields style="fields">
        <xsl:call-template name="field">
          <xsl:with-param name="label" select="'经手人：'"/>
          <xsl:with-param name="node" select="$handler/@name"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label" select="'联系电话：'"/>
          <xsl:with-param name="node" select="$handler/@phone"/>
        </xsl:call-template>
        <xsl:call-template name="date-field">
          <xsl:with-param name="node" select="$plan/@date"/>
        </xsl:call-template>
      </fields>
      <table style="cell" header-rows="1">
        <col width="12"/><col width="2*"/><col width="20"/><col width="24"/>
        <col width="22"/><col width="26"/><col width="1*"/>
        <row height="12">
          <cell style="head">序号</cell>
          <cell style="head">软件名称</cell>
          <cell style="head">软件版本</cell>
          <cell style="head">单价<br/>（单位：元）</cell>
          <cell style="head">许可数<br/>（单位：个）</cell>
          <cell style="head">合计<br/>（单位：元）</cell>
          <cell style="head">备注</cell>
        </row>
        <xsl:choose>
          <xsl:when test="$is-blank">
            <xsl:call-template name="blank-items">
              <xsl:with-param name="count" select="3"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="$plan/l:item">
              <xsl:variable name="i" select="position()"/>
              <row height="10">
                <cell type="integer"><xsl:value-of select="$i"/></cell>
                <cell style="left">
                  <xsl:call-template name="ledger-text">
                    <xsl:with-param name="node" select="@name"/>
                    <xsl:with-param name="what" select="'软件名称'"/>
                  </xsl:call-template>
                </cell>
                <cell>
                  <xsl:call-template name="ledger-text">
                    <xsl:with-param name="node" select="@version"/>
                    <xsl:with-param name="what" select="'软件版本'"/>
                  </xsl:call-template>
                </cell>
                <cell type="money" align="right" id="p{$n}-price-{$i}">
                  <xsl:value-of select="@unitPrice"/>
                </cell>
                <cell type="integer" align="right" id="p{$n}-count-{$i}">
                  <xsl:value-of select="@count"/>
                </cell>
                <cell type="money" align="right" id="p{$n}-total-{$i}"
                      product="p{$n}-price-{$i} p{$n}-count-{$i}">
                  <xsl:value-of select="$totals/f:item[@index = $i]/@yuan"/>
                </cell>
                <cell style="left">
                  <xsl:call-template name="ledger-text">
                    <xsl:with-param name="node" select="@note"/>
                    <xsl:with-param name="what" select="'备注'"/>
                  </xsl:call-template>
                </cell>
              </row>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
        <row height="10">
          <cell colspan="5" style="head">共计</cell>
          <cell type="money" align="right">
            <xsl:attribute name="sum">
              <xsl:for-each select="$plan/l:item">
                <xsl:value-of select="concat('p', $n, '-total-', position(), ' ')"/>
              </xsl:for-each>
              <xsl:if test="$is-blank">p1-total-1 p1-total-2 p1-total-3</xsl:if>
            </xsl:attribute>
            <xsl:value-of select="$totals/@yuan"/>
          </cell>
          <cell/>
        </row>
        <xsl:call-template name="approval">
          <xsl:with-param name="who" select="string($it-name)"/>
          <xsl:with-param name="review" select="$plan/l:itReview"/>
          <xsl:with-param name="label-span" select="2"/>
          <xsl:with-param name="span" select="5"/>
          <xsl:with-param name="height" select="26"/>
        </xsl:call-template>
        <xsl:call-template name="approval">
          <xsl:with-param name="who" select="string($assets-name)"/>
          <xsl:with-param name="review" select="$plan/l:assetReview"/>
          <xsl:with-param name="label-span" select="2"/>
          <xsl:with-param name="span" select="5"/>
          <xsl:with-param name="height" select="26"/>
        </xsl:call-template>
        <xsl:call-template name="approval">
          <xsl:with-param name="who" select="string($finance-name)"/>
          <xsl:with-param name="review" select="$plan/l:financeReview"/>
          <xsl:with-param name="label-span" select="2"/>
          <xsl:with-param name="span" select="5"/>
          <xsl:with-param name="height" select="26"/>
        </xsl:call-template>
        <xsl:call-template name="approval">
          <xsl:with-param name="who" select="'单位领导'"/>
          <xsl:with-param name="verb" select="'审批'"/>
          <xsl:with-param name="signer" select="'审批人：'"/>
          <xsl:with-param name="review" select="$plan/l:leaderApproval"/>
          <xsl:with-param name="label-span" select="2"/>
          <xsl:with-param name="span" select="5"/>
          <xsl:with-param name="height" select="26"/>
        </xsl:call-template>
      </table>
    </section>
  </xsl:template>

  <!-- COUNT empty item rows whose 合计 is a formula in the workbook. -->
  <xsl:template name="blank-items">
    <xsl:param name="count"/>
    <xsl:param name="i" select="1"/>
    <xsl:if test="$i &lt;= $count">
      <row height="10">
        <cell type="integer"><xsl:value-of select="$i"/></cell>
        <cell/><cell/>
        <cell type="money" id="p1-price-{$i}"/>
        <cell type="integer" id="p1-count-{$i}"/>
        <cell type="money" id="p1-total-{$i}" product="p1-price-{$i} p1-count-{$i}"/>
        <cell/>
      </row>
      <xsl:call-template name="blank-items">
        <xsl:with-param name="count" select="$count"/>
        <xsl:with-param name="i" select="$i + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
